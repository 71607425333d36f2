package dev.airlock.ssh;

import dev.airlock.ssh.testing.ExternalCommand;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The real {@code ssh-keygen} parses, verifies and describes every certificate kind we issue. */
class SshKeygenCompatibilityIT {

    private static final List<String> SUBJECTS = List.of("ed25519", "ecdsa_256", "ecdsa_384", "ecdsa_521", "rsa_2048",
            "rsa_3072");
    private static final List<CertificateAuthority> CAS = List.of(
            InMemoryCertificateAuthority.ed25519(),
            InMemoryCertificateAuthority.ecdsaP256(),
            InMemoryCertificateAuthority.rsa(3072, SshSignatureAlgorithm.RSA_SHA2_256),
            InMemoryCertificateAuthority.rsa(3072, SshSignatureAlgorithm.RSA_SHA2_512));
    static final List<KnownAnswerVectors.Vector> VECTORS = KnownAnswerVectors.ALL;

    @TempDir
    Path directory;

    static Stream<Arguments> subjectTimesCa() {
        return SUBJECTS.stream().flatMap(subject -> CAS.stream().map(ca -> Arguments.of(subject, ca)));
    }

    @ParameterizedTest(name = "{0} signed by {1}")
    @MethodSource("subjectTimesCa")
    void sshKeygenListsEverySubjectKindTimesCaKind(String subject, CertificateAuthority ca) {
        SshPublicKey key = SshPublicKey.parse(TestOnlyPublicKeys.line(subject));
        SshCertificate certificate = CertificateIssuer.issue(SshCertificateBuilder.userCertificate(key)
                .serial(Long.MIN_VALUE).keyId("user=alice request=r-" + subject)
                .principals(List.of("ubuntu", "dba"))
                .validity(Instant.parse("2026-02-03T04:05:06Z"), Instant.parse("2026-02-03T12:00:00Z"))
                .criticalOption("force-command", "/usr/bin/id")
                .extension("permit-pty").extension("permit-X11-forwarding"), ca);

        ExternalCommand.Result listing = SshKeygen.list(certificate, directory.resolve("cert.pub"));

        assertThat(listing.exitCode()).as(listing.stderr()).isZero();
        assertThat(listing.stdout()).contains(
                "Type: " + key.type().certificateType() + " user certificate",
                "Public key: " + keygenKeyName(key.type()) + "-CERT " + key.fingerprint(),
                "Signing CA: " + keygenKeyName(ca.publicKey().type()) + " " + ca.publicKey().fingerprint()
                        + " (using " + ca.signatureAlgorithm().wireName() + ")",
                "Key ID: \"user=alice request=r-" + subject + "\"",
                "Serial: 9223372036854775808",
                "Valid: from 2026-02-03T04:05:06 to 2026-02-03T12:00:00",
                "Principals: \n                ubuntu\n                dba\n",
                "Critical Options: \n                force-command /usr/bin/id\n",
                "Extensions: \n                permit-X11-forwarding\n                permit-pty\n");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("VECTORS")
    void sshKeygenListsTheCommittedKnownAnswerVectors(KnownAnswerVectors.Vector vector) throws IOException {
        Path file = directory.resolve(vector.name() + "-cert.pub");
        SshKeygen.write(file, KnownAnswerTest.resource(vector.resource()));
        SshCertificate expected = vector.issue();

        ExternalCommand.Result listing = SshKeygen.list(file);

        assertThat(listing.exitCode()).as(listing.stderr()).isZero();
        List<String> expectedLines = new ArrayList<>(List.of(
                "Public key: " + keygenKeyName(expected.subjectKey().type()) + "-CERT " + expected.subjectKey().fingerprint(),
                "Signing CA: " + keygenKeyName(vector.ca().publicKey().type()) + " " + vector.ca().publicKey().fingerprint(),
                "Key ID: \"" + expected.keyId() + "\"",
                "Serial: " + Long.toUnsignedString(expected.serial())));
        expected.principals().forEach(p -> expectedLines.add("                " + p + "\n"));
        expected.extensionNames().forEach(e -> expectedLines.add("                " + e + "\n"));
        assertThat(listing.stdout()).contains(expectedLines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa_256", "ecdsa_384", "ecdsa_521", "rsa_2048", "rsa_3072"})
    void fingerprintsMatchSshKeygen(String name) {
        Path file = directory.resolve(name + ".pub");
        SshKeygen.write(file, TestOnlyPublicKeys.line(name) + "\n");

        assertThat(SshPublicKey.parse(TestOnlyPublicKeys.line(name)).fingerprint())
                .isEqualTo(SshKeygen.fingerprint(file));
    }

    @Test
    void caAuthorizedKeysLinesAreReadBySshKeygenWithOurFingerprint() {
        for (CertificateAuthority ca : CAS) {
            Path file = directory.resolve("ca.pub");
            SshKeygen.write(file, ca.authorizedKeysLine() + "\n");

            assertThat(SshKeygen.fingerprint(file)).isEqualTo(ca.publicKey().fingerprint());
        }
    }

    /**
     * The strongest check: ssh-keygen signs a user key, we sign the same fields (its nonce copied)
     * with the same CA key, and the certificates are byte-identical: Ed25519 and RSA PKCS#1 v1.5
     * signatures are deterministic. Covers field order, option encoding and sorting, signature framing.
     */
    @ParameterizedTest(name = "{0} CA, {1}")
    @MethodSource("deterministicCas")
    void ourCertificateIsByteIdenticalToSshKeygens(String caType, SshSignatureAlgorithm algorithm) {
        SshKeygen.GeneratedKey caKey = SshKeygen.generate(directory, "ca", caType, 0);
        SshKeygen.GeneratedKey user = SshKeygen.generate(directory, "user", "ecdsa", 384);
        ExternalCommand.run(List.of(SshKeygen.SSH_KEYGEN, "-q", "-s", caKey.privateKey().toString(),
                "-t", algorithm.wireName(), "-I", "alice request=42", "-n", "ubuntu,dba",
                "-V", "0x69000000:0x69001000", "-z", "12345",
                "-O", "clear", "-O", "permit-pty", "-O", "permit-agent-forwarding",
                "-O", "force-command=/usr/bin/id", "-O", "source-address=10.0.0.0/8",
                "-O", "extension:login@airlock.test=alice",
                user.publicKeyFile().toString())).requireSuccess("ssh-keygen -s");
        byte[] theirs = certificateBlob(directory.resolve("user-cert.pub"));
        CertificateAuthority ca = InMemoryCertificateAuthority.fromOpenSshPrivateKey(
                SshKeygen.read(caKey.privateKey()), algorithm);

        SshCertificate ours = CertificateIssuer.issue(SshCertificateBuilder.userCertificate(user.publicKey())
                .nonce(ParsedCertificate.parse(theirs).nonce()).serial(12345).keyId("alice request=42")
                .principals(List.of("ubuntu", "dba"))
                .validity(Instant.ofEpochSecond(0x69000000L), Instant.ofEpochSecond(0x69001000L))
                .extension("permit-pty").extension("permit-agent-forwarding")
                .extension("login@airlock.test", "alice")
                .criticalOption("source-address", "10.0.0.0/8").criticalOption("force-command", "/usr/bin/id"), ca);

        if (algorithm.keyType().isEcdsa()) { // random ECDSA nonce in ssh-keygen: compare the signed part
            int signed = ParsedCertificate.parse(theirs).signedLength();
            assertThat(Arrays.copyOf(ours.blob(), signed)).isEqualTo(Arrays.copyOf(theirs, signed));
        } else {
            assertThat(ours.blob()).isEqualTo(theirs);
        }
    }

    static Stream<Arguments> deterministicCas() {
        return Stream.of(Arguments.of("ed25519", SshSignatureAlgorithm.ED25519),
                Arguments.of("rsa", SshSignatureAlgorithm.RSA_SHA2_256),
                Arguments.of("rsa", SshSignatureAlgorithm.RSA_SHA2_512),
                Arguments.of("ecdsa", SshSignatureAlgorithm.ECDSA_P256));
    }

    private static byte[] certificateBlob(Path certificateFile) {
        return Base64.getDecoder().decode(SshKeygen.read(certificateFile).trim().split(" ")[1]);
    }

    /** How ssh-keygen names key types in listings (sshkey_type()). */
    private static String keygenKeyName(SshKeyType type) {
        return switch (type) {
            case ED25519 -> "ED25519";
            case RSA -> "RSA";
            default -> "ECDSA";
        };
    }
}
