package dev.airlock.ssh;

import java.util.Arrays;
import java.util.Optional;

/**
 * SSH signature algorithms a CA may sign certificates with. SHA-1 {@code ssh-rsa} signatures are
 * deliberately absent (OpenSSH 8.8 stopped accepting them by default); RSA CAs use RFC 8332's
 * {@code rsa-sha2-256}/{@code rsa-sha2-512}. ECDSA hashes follow RFC 5656 §6.2.1 (curve size decides).
 */
public enum SshSignatureAlgorithm {
    ED25519("ssh-ed25519", SshKeyType.ED25519, null),
    ECDSA_P256("ecdsa-sha2-nistp256", SshKeyType.ECDSA_P256, "SHA-256"),
    ECDSA_P384("ecdsa-sha2-nistp384", SshKeyType.ECDSA_P384, "SHA-384"),
    ECDSA_P521("ecdsa-sha2-nistp521", SshKeyType.ECDSA_P521, "SHA-512"),
    RSA_SHA2_256("rsa-sha2-256", SshKeyType.RSA, "SHA-256"),
    RSA_SHA2_512("rsa-sha2-512", SshKeyType.RSA, "SHA-512");

    private final String wireName;
    private final SshKeyType keyType;
    private final String digest;

    SshSignatureAlgorithm(String wireName, SshKeyType keyType, String digest) {
        this.wireName = wireName;
        this.keyType = keyType;
        this.digest = digest;
    }

    public String wireName() {
        return wireName;
    }

    /** The type of key that makes signatures of this algorithm. */
    public SshKeyType keyType() {
        return keyType;
    }

    /** JCA name of the hash applied to the signed data; empty for Ed25519, which hashes internally (RFC 8032). */
    public Optional<String> digestAlgorithm() {
        return Optional.ofNullable(digest);
    }

    public static Optional<SshSignatureAlgorithm> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
    }

    /** The algorithm for an ECDSA key of the given type (the curve fixes the hash). */
    public static SshSignatureAlgorithm forEcdsa(SshKeyType type) {
        return switch (type) {
            case ECDSA_P256 -> ECDSA_P256;
            case ECDSA_P384 -> ECDSA_P384;
            case ECDSA_P521 -> ECDSA_P521;
            default -> throw new IllegalArgumentException(type + " is not an ECDSA key type");
        };
    }
}
