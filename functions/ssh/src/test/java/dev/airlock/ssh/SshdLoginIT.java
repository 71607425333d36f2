package dev.airlock.ssh;

import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real OpenSSH sshd (Debian's openssh-server) accepts our certificates from every CA kind and
 * every subject key kind, and refuses expired ones, ones without the needed principal and ones
 * from a CA it does not trust. Each refusal is checked against the reason sshd logs, and next to a
 * login that succeeds with the same key, so it cannot pass for an unrelated reason.
 */
class SshdLoginIT {

    private static final String LOGIN = "airlock-test";
    private static final InMemoryCertificateAuthority TRUSTED_CA = InMemoryCertificateAuthority.ed25519();
    private static SshdFixture sshd;
    private static Path keys;
    private static SshKeygen.GeneratedKey userKey;

    @BeforeAll
    static void startSshd(@TempDir Path directory) {
        keys = directory;
        userKey = SshKeygen.generate(directory, "user", "ed25519", 0);
        sshd = SshdFixture.start(List.of(TRUSTED_CA.publicKey()), List.of(LOGIN));
    }

    @AfterAll
    static void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    static Stream<Arguments> caKinds() {
        return Stream.of(
                Arguments.of("ed25519", InMemoryCertificateAuthority.ed25519()),
                Arguments.of("ecdsa-p256", InMemoryCertificateAuthority.ecdsaP256()),
                Arguments.of("rsa-3072-sha256", InMemoryCertificateAuthority.rsa(3072, SshSignatureAlgorithm.RSA_SHA2_256)),
                Arguments.of("rsa-3072-sha512", InMemoryCertificateAuthority.rsa(3072, SshSignatureAlgorithm.RSA_SHA2_512)));
    }

    @ParameterizedTest(name = "{0} CA")
    @MethodSource("caKinds")
    void sshdAcceptsCertificateFromEachCaKind(String kind, CertificateAuthority ca) {
        try (SshdFixture own = SshdFixture.start(List.of(ca.publicKey()), List.of(LOGIN))) {
            SshCertificate certificate = CertificateIssuer.issue(validFor(userKey, "ca-" + kind, LOGIN), ca);

            SshdFixture.LoginResult result = own.login(userKey.privateKey(), certificate, "echo airlock-ok");

            assertThat(result.exitCode()).as(result.stderr() + own.log()).isZero();
            assertThat(result.stdout().trim()).isEqualTo("airlock-ok");
            assertThat(own.log()).contains("Accepted certificate ID \"ca-" + kind + "\"");
        }
    }

    @ParameterizedTest(name = "{0} {1} subject key")
    @CsvSource({"ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 2048", "rsa, 3072"})
    void sshdAcceptsEverySubjectKeyKind(String type, int bits) {
        SshKeygen.GeneratedKey key = SshKeygen.generate(keys, "subject-" + type + bits, type, bits);
        SshCertificate certificate = CertificateIssuer.issue(validFor(key, "subject-" + type + bits, LOGIN), TRUSTED_CA);

        SshdFixture.LoginResult result = sshd.login(key.privateKey(), certificate, "echo airlock-ok");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().trim()).isEqualTo("airlock-ok");
    }

    @Test
    void sshdRefusesAnExpiredCertificate() {
        Instant now = Instant.now();
        SshCertificate expired = CertificateIssuer.issue(SshCertificateBuilder.userCertificate(userKey.publicKey())
                .serial(1001).keyId("expired").principals(List.of(LOGIN))
                .validity(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))), TRUSTED_CA);

        assertRefusedButValidOneAccepted(expired, "Certificate invalid: expired");
    }

    @Test
    void sshdRefusesACertificateWithoutTheNeededPrincipal() {
        SshCertificate wrongPrincipal = CertificateIssuer.issue(validFor(userKey, "wrong-principal", "someone-else"),
                TRUSTED_CA);

        assertRefusedButValidOneAccepted(wrongPrincipal, "Certificate does not contain an authorized principal");
    }

    @Test
    void sshdRefusesACertificateFromAnotherCa() {
        InMemoryCertificateAuthority otherCa = InMemoryCertificateAuthority.ed25519();
        SshCertificate foreign = CertificateIssuer.issue(validFor(userKey, "other-ca", LOGIN), otherCa);

        assertRefusedButValidOneAccepted(foreign, "is not listed in");
    }

    private static void assertRefusedButValidOneAccepted(SshCertificate refused, String sshdReason) {
        int logBefore = sshd.log().length();

        SshdFixture.LoginResult result = sshd.login(userKey.privateKey(), refused, "echo airlock-ok");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stdout()).doesNotContain("airlock-ok");
        assertThat(result.stderr()).contains("Permission denied");
        assertThat(sshd.log().substring(logBefore)).contains(sshdReason);
        SshCertificate good = CertificateIssuer.issue(validFor(userKey, "control", LOGIN), TRUSTED_CA);
        assertThat(sshd.login(userKey.privateKey(), good, "echo airlock-ok").exitCode()).isZero();
    }

    private static SshCertificateBuilder validFor(SshKeygen.GeneratedKey key, String keyId, String principal) {
        Instant now = Instant.now();
        return SshCertificateBuilder.userCertificate(key.publicKey()).serial(now.toEpochMilli()).keyId(keyId)
                .principals(List.of(principal)).validity(now.minusSeconds(60), now.plus(Duration.ofMinutes(10)))
                .extension("permit-pty");
    }
}
