package dev.airlock.endpoints.kms;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signing algorithms the embedded KMS implements. Per the Sign API reference the hash is named
 * by the suffix (SHA_256, SHA_384, SHA_512), and with {@code MessageType=DIGEST} the message must be
 * exactly that hash's length. RSASSA-PSS uses MGF1 with the same hash and a salt as long as the hash.
 */
enum SigningAlgorithm {
    RSASSA_PSS_SHA_256(Scheme.RSA_PSS, "SHA-256", 32),
    RSASSA_PSS_SHA_384(Scheme.RSA_PSS, "SHA-384", 48),
    RSASSA_PSS_SHA_512(Scheme.RSA_PSS, "SHA-512", 64),
    RSASSA_PKCS1_V1_5_SHA_256(Scheme.RSA_PKCS1, "SHA-256", 32),
    RSASSA_PKCS1_V1_5_SHA_384(Scheme.RSA_PKCS1, "SHA-384", 48),
    RSASSA_PKCS1_V1_5_SHA_512(Scheme.RSA_PKCS1, "SHA-512", 64),
    ECDSA_SHA_256(Scheme.ECDSA, "SHA-256", 32),
    ECDSA_SHA_384(Scheme.ECDSA, "SHA-384", 48),
    /** PureEdDSA (RFC 8032 §5.1): signs the message itself, so KMS accepts it only with {@code MessageType=RAW}. */
    ED25519_SHA_512(Scheme.ED25519, "SHA-512", 64),
    /** HashEdDSA, Ed25519ph (RFC 8032 §5.1, empty context): KMS accepts it only with {@code MessageType=DIGEST}. */
    ED25519_PH_SHA_512(Scheme.ED25519_PH, "SHA-512", 64);

    /** How the signature is computed. */
    enum Scheme { ECDSA, RSA_PKCS1, RSA_PSS, ED25519, ED25519_PH }

    /**
     * Every value of the SigningAlgorithmSpec enum of the KMS API. A value outside it is a
     * ValidationException; a value inside it that the key does not support is InvalidKeyUsageException.
     */
    static final Set<String> AWS_NAMES = Set.of(
            "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
            "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
            "ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512", "SM2DSA", "ML_DSA_SHAKE_256",
            "ED25519_SHA_512", "ED25519_PH_SHA_512");

    private static final Set<String> IMPLEMENTED =
            Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Scheme scheme;
    private final String hash;
    private final int digestLength;

    SigningAlgorithm(Scheme scheme, String hash, int digestLength) {
        this.scheme = scheme;
        this.hash = hash;
        this.digestLength = digestLength;
    }

    Scheme scheme() {
        return scheme;
    }

    /** The JCA name of the hash, e.g. {@code SHA-256}. */
    String hash() {
        return hash;
    }

    /** The length in bytes a {@code DIGEST} message must have. */
    int digestLength() {
        return digestLength;
    }

    /** The implemented algorithm of that AWS name, if any. */
    static Optional<SigningAlgorithm> of(String awsName) {
        return IMPLEMENTED.contains(awsName) ? Optional.of(valueOf(awsName)) : Optional.empty();
    }
}
