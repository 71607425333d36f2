package dev.airlock.core.port;

/** Signs checkpoint bodies with the audit key (KMS, ECDSA P-256 / SHA-256); never the CA key. */
public interface CheckpointSigner {

    /** The key's id, recorded next to each signature. */
    String keyId();

    /** The DER-encoded ECDSA signature over {@code message}. */
    byte[] sign(byte[] message);
}
