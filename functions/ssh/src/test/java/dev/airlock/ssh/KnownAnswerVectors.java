package dev.airlock.ssh;

import dev.airlock.ssh.testing.InMemoryCertificateAuthority;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Fixed inputs for the certificate known-answer tests. Every input is either a committed test-only
 * public key or derived deterministically from a label here (CA private keys included: they are
 * TEST-ONLY and derived from public strings, so they protect nothing). Ed25519 (RFC 8032) and our
 * test CA's ECDSA (RFC 6979 deterministic nonces) signatures are deterministic, so each vector is a
 * whole signed certificate. The expected lines live in {@code src/test/resources/dev/airlock/ssh/vectors/};
 * {@code vectors/README.md} gives the {@code ssh-keygen -L -f} command and output that cross-check each.
 */
final class KnownAnswerVectors {

    record Vector(String name, Supplier<SshCertificateBuilder> builder, CertificateAuthority ca) {
        SshCertificate issue() {
            return CertificateIssuer.issue(builder.get(), ca);
        }

        String resource() {
            return "vectors/" + name + "-cert.pub";
        }
    }

    /** TEST-ONLY Ed25519 CA: seed = SHA-256("airlock/ssh test-only CA ed25519 v1"). */
    static final CertificateAuthority ED25519_CA =
            InMemoryCertificateAuthority.ed25519FromSeed(sha256("airlock/ssh test-only CA ed25519 v1"));
    /** TEST-ONLY P-256 CA: d = SHA-256("airlock/ssh test-only CA p256 v1") as an unsigned integer (below n). */
    static final CertificateAuthority P256_CA = InMemoryCertificateAuthority.ecdsaFromScalar(SshKeyType.ECDSA_P256,
            new BigInteger(1, sha256("airlock/ssh test-only CA p256 v1")));

    static final Vector ED25519_USER = new Vector("ed25519-ca_ed25519-user", () ->
            SshCertificateBuilder.userCertificate(key("ed25519"))
                    .nonce(counting())
                    .serial(0x0123456789ABCDEFL)
                    .keyId("alice@example.test request=0b7e4c9e-1f0e-4bb2-9d6a-5f8a1f7c2d10")
                    .principals(List.of("ubuntu", "dba"))
                    .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T08:00:00Z"))
                    .extension("permit-pty").extension("permit-port-forwarding").extension("permit-agent-forwarding"),
            ED25519_CA);

    static final Vector RSA_USER_P256_CA = new Vector("p256-ca_rsa3072-user", () ->
            SshCertificateBuilder.userCertificate(key("rsa_3072"))
                    .nonce(sha256("airlock/ssh vector 2 nonce"))
                    .serial(1)
                    .keyId("bob")
                    .principals(List.of("deploy"))
                    .validity(Instant.parse("2026-06-01T12:00:00Z"), Instant.parse("2026-06-01T12:05:00Z"))
                    .criticalOption("source-address", "10.0.0.0/8")
                    .criticalOption("force-command", "/usr/bin/uptime")
                    .extension("permit-pty"),
            P256_CA);

    static final Vector ECDSA521_USER = new Vector("ed25519-ca_ecdsa521-user", () ->
            SshCertificateBuilder.userCertificate(key("ecdsa_521"))
                    .nonce(filled((byte) 0xFF))
                    .serial(0xFEDCBA9876543210L)
                    .keyId("carol")
                    .principals(List.of("root"))
                    .validity(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2099-12-31T23:59:59Z")),
            ED25519_CA);

    static final List<Vector> ALL = List.of(ED25519_USER, RSA_USER_P256_CA, ECDSA521_USER);

    private KnownAnswerVectors() {
    }

    private static SshPublicKey key(String name) {
        return SshPublicKey.parse(TestOnlyPublicKeys.line(name));
    }

    private static byte[] counting() {
        byte[] nonce = new byte[32];
        IntStream.range(0, 32).forEach(i -> nonce[i] = (byte) i);
        return nonce;
    }

    private static byte[] filled(byte value) {
        byte[] nonce = new byte[32];
        java.util.Arrays.fill(nonce, value);
        return nonce;
    }

    static byte[] sha256(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
