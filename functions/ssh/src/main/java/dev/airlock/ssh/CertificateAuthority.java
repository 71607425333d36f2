package dev.airlock.ssh;

/**
 * Port: the key that signs certificates. Production uses the KMS adapter
 * ({@code dev.airlock.aws.kms.KmsCertificateAuthority}); an in-memory one exists in this module's
 * test-jar for tests and benchmarks only. Implementations are thread-safe.
 */
public interface CertificateAuthority {

    /** The CA's public key, as sshd's {@code TrustedUserCAKeys} must list it. */
    SshPublicKey publicKey();

    /** The signature algorithm {@link #sign} produces; its key type is {@code publicKey().type()}. */
    SshSignatureAlgorithm signatureAlgorithm();

    /**
     * Signs {@code toBeSigned} (every certificate field up to and including the signature key, per
     * OpenSSH {@code PROTOCOL.certkeys}) and returns the SSH signature blob
     * {@code string algorithm, string signature}.
     *
     * @throws dev.airlock.domain.error.InvalidRequestException if the data cannot be signed by this
     *         kind of key (e.g. too long for a KMS Ed25519 RAW signature)
     * @throws dev.airlock.domain.error.ThrottledException if the signer is rate-limiting us
     * @throws dev.airlock.domain.error.InternalException if the signer failed
     */
    byte[] sign(byte[] toBeSigned);

    /** The CA public key as one {@code authorized_keys} line for {@code TrustedUserCAKeys}. */
    default String authorizedKeysLine() {
        return publicKey().toAuthorizedKeysLine();
    }
}
