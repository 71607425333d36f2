package dev.airlock.ssh;

import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateIssuerTest {

    private static final SshPublicKey SUBJECT = SshPublicKey.parse(TestOnlyPublicKeys.line("ecdsa_384"));
    private static final InMemoryCertificateAuthority ED25519_CA = InMemoryCertificateAuthority.ed25519();

    static Stream<Arguments> caKinds() {
        return Stream.of(
                Arguments.of(ED25519_CA, "ssh-ed25519"),
                Arguments.of(InMemoryCertificateAuthority.ecdsaP256(), "ecdsa-sha2-nistp256"),
                Arguments.of(InMemoryCertificateAuthority.rsa(2048, SshSignatureAlgorithm.RSA_SHA2_256), "rsa-sha2-256"),
                Arguments.of(InMemoryCertificateAuthority.rsa(2048, SshSignatureAlgorithm.RSA_SHA2_512), "rsa-sha2-512"));
    }

    @ParameterizedTest
    @MethodSource("caKinds")
    void issue_appendsAVerifyingSignatureOfTheCa(CertificateAuthority ca, String algorithm) {
        SshCertificate certificate = CertificateIssuer.issue(builder(), ca);

        ParsedCertificate parsed = ParsedCertificate.parse(certificate.blob());
        byte[] signed = Arrays.copyOf(certificate.blob(), parsed.signedLength());
        assertThat(SshSignature.fromBlob(parsed.signature()).algorithm().wireName()).isEqualTo(algorithm);
        assertThat(SshSignatureVerifier.verify(ca.publicKey(), signed, parsed.signature())).isTrue();
        assertThat(parsed.signatureKey()).isEqualTo(ca.publicKey().blob());
        assertThat(certificate.signatureAlgorithm().wireName()).isEqualTo(algorithm);
        assertThat(certificate.caKey()).isEqualTo(ca.publicKey());
    }

    @Test
    void issue_exposesFieldsAndTheOpenSshLine() {
        SshCertificate certificate = CertificateIssuer.issue(builder(), ED25519_CA);

        assertThat(certificate.certificateType()).isEqualTo("ecdsa-sha2-nistp384-cert-v01@openssh.com");
        assertThat(certificate.serial()).isEqualTo(7L);
        assertThat(certificate.keyId()).isEqualTo("bob");
        assertThat(certificate.principals()).containsExactly("ubuntu");
        assertThat(certificate.validAfter()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(certificate.validBefore()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(certificate.extensionNames()).containsExactly("permit-port-forwarding", "permit-pty");
        assertThat(certificate.criticalOptionNames()).isEmpty();
        assertThat(certificate.subjectKey()).isEqualTo(SUBJECT);
        String[] line = certificate.toOpenSshLine("bob@laptop").split(" ");
        assertThat(line[0]).isEqualTo("ecdsa-sha2-nistp384-cert-v01@openssh.com");
        assertThat(Base64.getDecoder().decode(line[1])).isEqualTo(certificate.blob());
        assertThat(line[2]).isEqualTo("bob@laptop");
    }

    @Test
    void issue_refusesASignatureThatDoesNotVerify() {
        CertificateAuthority lying = wrap(ED25519_CA, blob -> {
            byte[] copy = blob.clone();
            copy[copy.length - 1] ^= 1;
            return copy;
        });

        assertThatThrownBy(() -> CertificateIssuer.issue(builder(), lying))
                .isInstanceOf(InternalException.class)
                .hasMessageStartingWith("the CA signature does not verify with the CA public key SHA256:");
    }

    @Test
    void issue_refusesMalformedOrMislabelledSignatures() {
        CertificateAuthority garbage = wrap(ED25519_CA, blob -> new byte[] {0, 0, 0, 9});
        CertificateAuthority mislabelled = wrap(ED25519_CA,
                blob -> SshSignature.of(SshSignatureAlgorithm.RSA_SHA2_256, new byte[64]).toBlob());

        assertThatThrownBy(() -> CertificateIssuer.issue(builder(), garbage))
                .isInstanceOf(InternalException.class).hasMessage("the CA returned a malformed signature");
        assertThatThrownBy(() -> CertificateIssuer.issue(builder(), mislabelled))
                .isInstanceOf(InternalException.class).hasMessage("the CA signed with rsa-sha2-256, expected ssh-ed25519");
    }

    @Test
    void issue_propagatesCaFailuresWithoutACertificate() {
        CertificateAuthority throttled = wrap(ED25519_CA, blob -> {
            throw new ThrottledException("kms_throttled", "slow down");
        });

        assertThatThrownBy(() -> CertificateIssuer.issue(builder(), throttled)).isInstanceOf(ThrottledException.class);
    }

    private static SshCertificateBuilder builder() {
        return SshCertificateBuilder.userCertificate(SUBJECT).serial(7).keyId("bob").principals(List.of("ubuntu"))
                .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T01:00:00Z"))
                .extension("permit-pty").extension("permit-port-forwarding");
    }

    private static CertificateAuthority wrap(CertificateAuthority real, UnaryOperator<byte[]> tamper) {
        return new CertificateAuthority() {
            @Override
            public SshPublicKey publicKey() {
                return real.publicKey();
            }

            @Override
            public SshSignatureAlgorithm signatureAlgorithm() {
                return real.signatureAlgorithm();
            }

            @Override
            public byte[] sign(byte[] toBeSigned) {
                return tamper.apply(real.sign(toBeSigned));
            }
        };
    }
}
