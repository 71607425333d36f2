package dev.airlock.aws.kms;

import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.ssh.SshKeyType;
import dev.airlock.ssh.SshSignature;
import dev.airlock.ssh.SshSignatureAlgorithm;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * How one kind of KMS CA key signs an SSH certificate: which KMS signing algorithm, whether KMS
 * gets the message or our digest of it, and how KMS's signature becomes an SSH signature blob.
 * Pure (no I/O), so every rule here is unit-tested; {@link KmsCertificateAuthority} does the call.
 *
 * <ul>
 *   <li>{@code ECC_NIST_P256}: {@code ECDSA_SHA_256} over our SHA-256 digest ({@code MessageType=DIGEST});
 *       KMS returns DER, SSH wants {@code mpint r, mpint s} (RFC 5656 §3.1.2).</li>
 *   <li>{@code RSA_3072}/{@code RSA_4096}: {@code RSASSA_PKCS1_V1_5_SHA_256/512} as RFC 8332's
 *       {@code rsa-sha2-256/512} (never SHA-1); RAW up to KMS's 4,096-byte message limit, else DIGEST.</li>
 *   <li>{@code ECC_NIST_EDWARDS25519}: {@code ED25519_SHA_512} (pure Ed25519, RFC 8032, which is what
 *       OpenSSH verifies; not the pre-hash {@code ED25519_PH_SHA_512}); KMS requires RAW, so a body over
 *       4,096 bytes cannot be signed and is refused rather than truncated.</li>
 * </ul>
 */
record KmsSigning(KeySpec keySpec, SshSignatureAlgorithm sshAlgorithm, SigningAlgorithmSpec kmsAlgorithm) {

    /** KMS {@code Sign}: "Message ... Length Constraints: Minimum length of 1. Maximum length of 4096." */
    static final int MAX_RAW_MESSAGE_BYTES = 4096;
    static final List<KeySpec> SUPPORTED_KEY_SPECS = List.of(
            KeySpec.ECC_NIST_P256, KeySpec.RSA_3072, KeySpec.RSA_4096, KeySpec.ECC_NIST_EDWARDS25519);

    KmsSigning {
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(sshAlgorithm, "sshAlgorithm");
        Objects.requireNonNull(kmsAlgorithm, "kmsAlgorithm");
    }

    /**
     * The plan for a key of {@code keySpec}; {@code rsaAlgorithm} picks the hash for RSA keys.
     *
     * @throws InternalException if the key spec cannot be an SSH CA (a deployment error)
     */
    static KmsSigning forKeySpec(KeySpec keySpec, SshSignatureAlgorithm rsaAlgorithm) {
        if (keySpec == null || !SUPPORTED_KEY_SPECS.contains(keySpec)) {
            throw new InternalException("ca_key_unsupported", "KMS key spec " + keySpec
                    + " cannot be an SSH CA; use one of " + SUPPORTED_KEY_SPECS);
        }
        return switch (keySpec) {
            case ECC_NIST_P256 -> new KmsSigning(keySpec, SshSignatureAlgorithm.ECDSA_P256,
                    SigningAlgorithmSpec.ECDSA_SHA_256);
            case ECC_NIST_EDWARDS25519 -> new KmsSigning(keySpec, SshSignatureAlgorithm.ED25519,
                    SigningAlgorithmSpec.ED25519_SHA_512);
            default -> new KmsSigning(keySpec, rsaAlgorithm, rsaSpec(rsaAlgorithm));
        };
    }

    /** The SSH key type KMS's public key must have for this spec. */
    SshKeyType sshKeyType() {
        return sshAlgorithm.keyType();
    }

    /**
     * The {@code Sign} request for {@code toBeSigned} under {@code keyId}.
     *
     * @throws InvalidRequestException if an Ed25519 body exceeds what KMS can sign
     */
    SignRequest request(String keyId, byte[] toBeSigned) {
        SignRequest.Builder request = SignRequest.builder().keyId(keyId).signingAlgorithm(kmsAlgorithm);
        boolean fitsRaw = toBeSigned.length <= MAX_RAW_MESSAGE_BYTES;
        switch (sshAlgorithm) {
            case ED25519 -> {
                if (!fitsRaw) {
                    throw new InvalidRequestException("certificate_too_large", "the certificate body is "
                            + toBeSigned.length + " bytes; the Ed25519 KMS CA can sign at most "
                            + MAX_RAW_MESSAGE_BYTES + " (fewer principals or shorter options would fit)");
                }
                request.messageType(MessageType.RAW).message(SdkBytes.fromByteArray(toBeSigned));
            }
            case ECDSA_P256 -> request.messageType(MessageType.DIGEST)
                    .message(SdkBytes.fromByteArray(digest("SHA-256", toBeSigned)));
            default -> {
                if (fitsRaw) {
                    request.messageType(MessageType.RAW).message(SdkBytes.fromByteArray(toBeSigned));
                } else {
                    String hash = sshAlgorithm.digestAlgorithm().orElseThrow();
                    request.messageType(MessageType.DIGEST).message(SdkBytes.fromByteArray(digest(hash, toBeSigned)));
                }
            }
        }
        return request.build();
    }

    /**
     * Frames KMS's signature as {@code string algorithm, string signature}.
     *
     * @throws IllegalArgumentException if KMS's bytes are not a signature of the expected shape
     */
    byte[] toSshSignature(byte[] kmsSignature) {
        SshSignature signature = sshAlgorithm.keyType().isEcdsa()
                ? SshSignature.ecdsaFromDer(sshAlgorithm, kmsSignature)
                : SshSignature.of(sshAlgorithm, kmsSignature);
        return signature.toBlob();
    }

    private static SigningAlgorithmSpec rsaSpec(SshSignatureAlgorithm rsaAlgorithm) {
        return switch (rsaAlgorithm) {
            case RSA_SHA2_256 -> SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256;
            case RSA_SHA2_512 -> SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512;
            default -> throw new IllegalArgumentException("RSA CA keys sign with rsa-sha2-256 or rsa-sha2-512, not "
                    + rsaAlgorithm.wireName());
        };
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
    }
}
