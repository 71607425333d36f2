package dev.airlock.aws.kms;

import dev.airlock.core.port.CheckpointSigner;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * {@link CheckpointSigner} over the audit key in KMS ({@code ECC_NIST_P256}, {@code ECDSA_SHA_256}).
 * The body's SHA-256 is sent as {@code MessageType=DIGEST}: a body can exceed the 4096 bytes KMS takes
 * as a raw message, and the signature is the same one {@code SHA256withECDSA} verifies over the body
 * (KMS API reference, Sign). Only the {@code checkpoint} function's role may Sign with this key.
 */
public final class KmsCheckpointSigner implements CheckpointSigner {

    private final KmsClient kms;
    private final String keyId;

    public KmsCheckpointSigner(KmsClient kms, String keyId) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
            return kms.sign(b -> b.keyId(keyId).messageType(MessageType.DIGEST).message(SdkBytes.fromByteArray(digest))
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature().asByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } catch (SdkException e) {
            throw KmsErrors.translate(e, "Sign", keyId);
        }
    }

    /** The audit key's public key, as the verifier needs it (KMS GetPublicKey: X.509 SubjectPublicKeyInfo). */
    public static PublicKey publicKey(KmsClient kms, String keyId) {
        try {
            byte[] der = kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray();
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit key is not an EC key: " + keyId, e);
        } catch (SdkException e) {
            throw KmsErrors.translate(e, "GetPublicKey", keyId);
        }
    }
}
