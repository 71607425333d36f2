package dev.airlock.aws.kms;

import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import dev.airlock.endpoints.EmbeddedAwsServer;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.CertificateIssuer;
import dev.airlock.ssh.SshCertificate;
import dev.airlock.ssh.SshCertificateBuilder;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignatureAlgorithm;
import dev.airlock.ssh.testing.ExternalCommand;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisableKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The KMS adapter over the real AWS SDK and the KMS wire protocol (the embedded endpoint, not a
 * mocked client): every CA key kind issues certificates that ssh-keygen lists and a real sshd
 * accepts; sshd refuses expired, wrong-principal and foreign-CA certificates; KMS failures surface
 * as the error family and never as a certificate.
 */
class KmsCertificateAuthorityIT {

    private static final String LOGIN = "airlock-kms";
    private static EmbeddedAwsServer server;
    private static KmsClient kms;
    private static KmsClient kmsWithoutRetries;
    private static SshKeygen.GeneratedKey userKey;
    private static int aliases;

    @TempDir
    Path directory;

    @BeforeAll
    static void startKms(@TempDir Path keys) {
        server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
        kms = EmbeddedKms.client(server);
        kmsWithoutRetries = EmbeddedKms.clientWithoutRetries(server);
        userKey = SshKeygen.generate(keys, "user", "ed25519", 0);
    }

    @AfterAll
    static void stopKms() {
        if (server != null) {
            kms.close();
            kmsWithoutRetries.close();
            server.close();
        }
    }

    @AfterEach
    void clearFaults() {
        server.faults().clear();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "ECC_NIST_P256,         RSA_SHA2_512, ecdsa-sha2-nistp256",
            "RSA_3072,              RSA_SHA2_256, rsa-sha2-256",
            "RSA_3072,              RSA_SHA2_512, rsa-sha2-512",
            "RSA_4096,              RSA_SHA2_512, rsa-sha2-512",
            "ECC_NIST_EDWARDS25519, RSA_SHA2_512, ssh-ed25519"})
    void everyKeyKindIssuesCertificatesThatSshKeygenListsAndSshdAccepts(KeySpec spec, SshSignatureAlgorithm rsa,
                                                                        String algorithm) {
        CertificateAuthority ca = new KmsCertificateAuthority(kms, newAlias(spec), rsa);
        SshCertificate certificate = CertificateIssuer.issue(validFor(LOGIN, "kms-" + spec), ca);

        ExternalCommand.Result listing = SshKeygen.list(certificate, directory.resolve("cert.pub"));
        assertThat(listing.exitCode()).as(listing.stderr()).isZero();
        assertThat(listing.stdout()).contains("Signing CA: ", ca.publicKey().fingerprint() + " (using " + algorithm + ")",
                "Key ID: \"kms-" + spec + "\"", "                " + LOGIN + "\n");
        try (SshdFixture sshd = SshdFixture.start(List.of(ca.publicKey()), List.of(LOGIN))) {
            SshdFixture.LoginResult login = sshd.login(userKey.privateKey(), certificate, "echo airlock-kms-ok");

            assertThat(login.exitCode()).as(login.stderr() + sshd.log()).isZero();
            assertThat(login.stdout().trim()).isEqualTo("airlock-kms-ok");
        }
    }

    @Test
    void sshdRefusesExpiredWrongPrincipalAndForeignCaCertificates() {
        CertificateAuthority ca = new KmsCertificateAuthority(kms, newAlias(KeySpec.ECC_NIST_P256));
        CertificateAuthority foreign = new KmsCertificateAuthority(kms, newAlias(KeySpec.ECC_NIST_P256));
        Instant now = Instant.now();
        SshCertificate expired = CertificateIssuer.issue(SshCertificateBuilder.userCertificate(userKey.publicKey())
                .serial(1).keyId("expired").principals(List.of(LOGIN))
                .validity(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))), ca);
        SshCertificate wrongPrincipal = CertificateIssuer.issue(validFor("someone-else", "wrong-principal"), ca);
        SshCertificate fromForeignCa = CertificateIssuer.issue(validFor(LOGIN, "foreign"), foreign);
        SshCertificate good = CertificateIssuer.issue(validFor(LOGIN, "good"), ca);

        try (SshdFixture sshd = SshdFixture.start(List.of(ca.publicKey()), List.of(LOGIN))) {
            assertRefused(sshd, expired, "Certificate invalid: expired");
            assertRefused(sshd, wrongPrincipal, "Certificate does not contain an authorized principal");
            assertRefused(sshd, fromForeignCa, "is not listed in");
            assertThat(sshd.login(userKey.privateKey(), good, "true").exitCode()).isZero();
        }
    }

    @Test
    void acceptsKeyIdArnAliasNameAndAliasArn() {
        String alias = newAliasName();
        KeyMetadata key = EmbeddedKms.createSigningKey(kms, KeySpec.ECC_NIST_P256, alias);
        String aliasArn = key.arn().replaceFirst(":key/.*$", ":" + alias);

        List<SshPublicKey> keys = List.of(key.keyId(), key.arn(), alias, aliasArn).stream()
                .map(id -> new KmsCertificateAuthority(kms, id))
                .peek(ca -> CertificateIssuer.issue(validFor(LOGIN, "id-form"), ca))
                .map(CertificateAuthority::publicKey).toList();

        assertThat(keys).hasSize(4).allMatch(k -> k.equals(keys.get(0)));
    }

    @Test
    void ed25519BodyOver4096BytesIsRefusedBeforeAnySignCall() {
        CertificateAuthority ca = new KmsCertificateAuthority(kmsWithoutRetries, newAlias(KeySpec.ECC_NIST_EDWARDS25519));
        ca.publicKey();
        server.faults().serverError("TrentService.Sign", 1); // would turn any Sign call into an InternalException

        assertThatThrownBy(() -> CertificateIssuer.issue(validFor(manyPrincipals(), "big"), ca))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("the Ed25519 KMS CA can sign at most 4096");
    }

    @Test
    void rsaBodyOver4096BytesIsSignedAsADigest() {
        CertificateAuthority ca = new KmsCertificateAuthority(kms, newAlias(KeySpec.RSA_3072));

        SshCertificate certificate = CertificateIssuer.issue(validFor(manyPrincipals(), "big-rsa"), ca);

        assertThat(certificate.principals()).hasSize(200);
        ExternalCommand.Result listing = SshKeygen.list(certificate, directory.resolve("big.pub"));
        assertThat(listing.exitCode()).as(listing.stderr()).isZero();
        assertThat(listing.stdout()).contains("(using rsa-sha2-512)", "airlock-principal-000199");
    }

    @Test
    void throttlingSurfacesAsThrottledAndNoCertificate() {
        CertificateAuthority ca = new KmsCertificateAuthority(kmsWithoutRetries, newAlias(KeySpec.ECC_NIST_P256));
        ca.publicKey();
        server.faults().throttle("TrentService.Sign", 1);

        assertThatThrownBy(() -> CertificateIssuer.issue(validFor(LOGIN, "throttled"), ca))
                .isInstanceOf(ThrottledException.class)
                .satisfies(e -> assertThat(((ThrottledException) e).code()).isEqualTo("kms_throttled"));
        assertThat(CertificateIssuer.issue(validFor(LOGIN, "after-throttle"), ca).keyId()).isEqualTo("after-throttle");
    }

    @Test
    void serverErrorSurfacesAsUnavailable() {
        CertificateAuthority ca = new KmsCertificateAuthority(kmsWithoutRetries, newAlias(KeySpec.RSA_3072));
        ca.publicKey();
        server.faults().serverError("TrentService.Sign", 1);

        assertThatThrownBy(() -> CertificateIssuer.issue(validFor(LOGIN, "5xx"), ca))
                .isInstanceOf(UnavailableException.class)
                .satisfies(e -> assertThat(((UnavailableException) e).code()).isEqualTo("kms_unavailable"));
    }

    @Test
    void sdkRetriesAbsorbASingleThrottle() {
        CertificateAuthority ca = new KmsCertificateAuthority(kms, newAlias(KeySpec.ECC_NIST_P256));
        ca.publicKey();
        server.faults().throttle("TrentService.Sign", 1);

        assertThat(CertificateIssuer.issue(validFor(LOGIN, "retried"), ca).keyId()).isEqualTo("retried");
    }

    @Test
    void publicKeyIsCachedAndAFailedFirstLoadIsNot() {
        CertificateAuthority ca = new KmsCertificateAuthority(kmsWithoutRetries, newAlias(KeySpec.ECC_NIST_P256));
        server.faults().throttle("TrentService.GetPublicKey", 1);

        assertThatThrownBy(ca::publicKey).isInstanceOf(ThrottledException.class);
        SshPublicKey first = ca.publicKey();
        server.faults().serverError("TrentService.GetPublicKey", 10);

        assertThat(ca.publicKey()).isEqualTo(first);
        assertThat(CertificateIssuer.issue(validFor(LOGIN, "cached"), ca).caKey()).isEqualTo(first);
    }

    @Test
    void keysThatCannotBeTheCaAreRefusedClearly() {
        String rsa2048 = newAlias(KeySpec.RSA_2048);
        String p384 = newAlias(KeySpec.ECC_NIST_P384);

        assertThatThrownBy(() -> new KmsCertificateAuthority(kms, rsa2048).publicKey())
                .isInstanceOf(InternalException.class).hasMessageContaining("KMS key spec RSA_2048 cannot be an SSH CA");
        assertThatThrownBy(() -> new KmsCertificateAuthority(kms, p384).publicKey())
                .isInstanceOf(InternalException.class).hasMessageContaining("KMS key spec ECC_NIST_P384 cannot be an SSH CA");
        assertThatThrownBy(() -> new KmsCertificateAuthority(kms, "alias/does-not-exist").publicKey())
                .isInstanceOf(InternalException.class)
                .satisfies(e -> assertThat(((InternalException) e).code()).isEqualTo("kms_key_unusable"));
    }

    @Test
    void aDisabledKeyFailsAsInternal() {
        String alias = newAliasName();
        KeyMetadata key = EmbeddedKms.createSigningKey(kms, KeySpec.ECC_NIST_P256, alias);
        CertificateAuthority ca = new KmsCertificateAuthority(kms, alias);
        ca.publicKey();
        kms.disableKey(DisableKeyRequest.builder().keyId(key.keyId()).build());

        assertThatThrownBy(() -> CertificateIssuer.issue(validFor(LOGIN, "disabled"), ca))
                .isInstanceOf(InternalException.class)
                .hasMessageContaining("was refused: DisabledException");
    }

    private static void assertRefused(SshdFixture sshd, SshCertificate certificate, String reason) {
        int logBefore = sshd.log().length();
        SshdFixture.LoginResult login = sshd.login(userKey.privateKey(), certificate, "echo airlock-kms-ok");

        assertThat(login.exitCode()).isEqualTo(255);
        assertThat(login.stdout()).doesNotContain("airlock-kms-ok");
        assertThat(sshd.log().substring(logBefore)).contains(reason);
    }

    private static SshCertificateBuilder validFor(String principal, String keyId) {
        return validFor(List.of(principal), keyId);
    }

    private static SshCertificateBuilder validFor(List<String> principals, String keyId) {
        Instant now = Instant.now();
        return SshCertificateBuilder.userCertificate(userKey.publicKey()).serial(now.toEpochMilli()).keyId(keyId)
                .principals(principals).validity(now.minusSeconds(60), now.plus(Duration.ofMinutes(10)))
                .extension("permit-pty");
    }

    /** 200 principals of 24 bytes, 28 with framing: 5,600 bytes, over KMS's 4,096-byte RAW limit on their own. */
    private static List<String> manyPrincipals() {
        return IntStream.range(0, 200).mapToObj(i -> String.format("airlock-principal-%06d", i)).toList();
    }

    private static String newAlias(KeySpec spec) {
        String alias = newAliasName();
        EmbeddedKms.createSigningKey(kms, spec, alias);
        return alias;
    }

    private static synchronized String newAliasName() {
        return "alias/airlock-ca-test-" + (++aliases);
    }
}
