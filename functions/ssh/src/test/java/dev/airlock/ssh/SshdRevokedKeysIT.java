package dev.airlock.ssh;

import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real sshd with {@code RevokedKeys} pointing at our KRL refuses a revoked certificate and still
 * accepts an unrevoked one from the same CA, for each CA key type; and a corrupt KRL locks everyone
 * out, which is why hosts must never install one (docs/SSH-CA.md).
 */
class SshdRevokedKeysIT {

    private static final String LOGIN = "airlock-test";

    @TempDir
    Path keys;

    static Stream<Arguments> caKinds() {
        return Stream.of(
                Arguments.of("ed25519", InMemoryCertificateAuthority.ed25519()),
                Arguments.of("ecdsa-p256", InMemoryCertificateAuthority.ecdsaP256()),
                Arguments.of("rsa-3072", InMemoryCertificateAuthority.rsa(3072, SshSignatureAlgorithm.RSA_SHA2_256)));
    }

    @ParameterizedTest(name = "{0} CA")
    @MethodSource("caKinds")
    void revokedCertificateIsRefused_unrevokedOneAccepted(String kind, InMemoryCertificateAuthority ca)
            throws IOException {
        SshKeygen.GeneratedKey user = SshKeygen.generate(keys, "user", "ed25519", 0);
        SshCertificate revoked = issue(ca, user, 1001);
        SshCertificate kept = issue(ca, user, 1002);
        byte[] emptyKrl = KrlBuilder.forCa(ca.publicKey()).version(1).build();
        try (SshdFixture sshd = SshdFixture.startWithRevokedKeys(List.of(ca.publicKey()), List.of(LOGIN), emptyKrl)) {
            assertThat(sshd.login(user.privateKey(), revoked, "echo ok").exitCode()).as(sshd.log()).isZero();

            Files.write(sshd.revokedKeysFile(), KrlBuilder.forCa(ca.publicKey()).version(2).revokeSerial(1001).build());

            SshdFixture.LoginResult refused = sshd.login(user.privateKey(), revoked, "echo ok");
            assertThat(refused.exitCode()).isEqualTo(255);
            assertThat(refused.stderr()).contains("Permission denied");
            assertThat(sshd.log()).contains("revoked");
            SshdFixture.LoginResult accepted = sshd.login(user.privateKey(), kept, "echo ok");
            assertThat(accepted.exitCode()).as(accepted.stderr() + sshd.log()).isZero();
            assertThat(accepted.stdout().trim()).isEqualTo("ok");
        }
    }

    @Test
    void corruptKrl_locksEveryoneOut() throws IOException {
        InMemoryCertificateAuthority ca = InMemoryCertificateAuthority.ed25519();
        SshKeygen.GeneratedKey user = SshKeygen.generate(keys, "user", "ed25519", 0);
        SshCertificate certificate = issue(ca, user, 7);
        byte[] good = KrlBuilder.forCa(ca.publicKey()).version(1).build();
        try (SshdFixture sshd = SshdFixture.startWithRevokedKeys(List.of(ca.publicKey()), List.of(LOGIN), good)) {
            assertThat(sshd.login(user.privateKey(), certificate, "echo ok").exitCode()).isZero();

            Files.write(sshd.revokedKeysFile(), java.util.Arrays.copyOf(good, good.length - 5));

            assertThat(sshd.login(user.privateKey(), certificate, "echo ok").exitCode()).isEqualTo(255);
        }
    }

    private static SshCertificate issue(CertificateAuthority ca, SshKeygen.GeneratedKey key, long serial) {
        Instant now = Instant.now();
        return CertificateIssuer.issue(SshCertificateBuilder.userCertificate(key.publicKey()).serial(serial)
                .keyId("krl-" + serial).principals(List.of(LOGIN))
                .validity(now.minusSeconds(60), now.plus(Duration.ofMinutes(10))), ca);
    }
}
