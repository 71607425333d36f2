package dev.airlock.core.audit;

import java.util.Arrays;
import java.util.Objects;

/**
 * A checkpoint as anchored: its body and the audit key's signature over the body's UTF-8 bytes
 * (ECDSA P-256 with SHA-256, DER-encoded, as KMS {@code Sign} returns it).
 *
 * @param n         the checkpoint number (also the object key {@code checkpoints/<n>.json})
 * @param body      {@link Checkpoint#body()}
 * @param keyId     the signing key's id (for the operator; verification uses the configured public key)
 * @param signature the signature
 */
public record SignedCheckpoint(long n, String body, String keyId, byte[] signature) {

    public SignedCheckpoint {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(keyId, "keyId");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint s && s.n == n && s.body.equals(body) && s.keyId.equals(keyId)
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(n, body, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[n=" + n + ", keyId=" + keyId + "]";
    }
}
