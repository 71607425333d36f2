package dev.airlock.ssh;

import dev.airlock.domain.error.InternalException;

import java.util.Objects;

/**
 * Signs a certificate: encodes the to-be-signed part for the CA's key, has the CA sign it, checks
 * the signature, and appends it ({@code PROTOCOL.certkeys}: the signature is computed over every
 * preceding field). Either a complete, verifiable certificate comes out or an exception does.
 */
public final class CertificateIssuer {

    private CertificateIssuer() {
    }

    /**
     * @throws dev.airlock.domain.error.InvalidRequestException if the CA cannot sign this body
     * @throws dev.airlock.domain.error.ThrottledException if the CA is throttled
     * @throws InternalException if the CA fails or returns a signature that does not verify
     */
    public static SshCertificate issue(SshCertificateBuilder builder, CertificateAuthority ca) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(ca, "ca");
        SshPublicKey caKey = ca.publicKey();
        CertificateFields fields = builder.fields();
        byte[] toBeSigned = builder.toBeSigned(caKey);
        byte[] signatureBlob = ca.sign(toBeSigned);
        SshSignatureAlgorithm algorithm = checkSignature(ca, caKey, toBeSigned, signatureBlob);
        byte[] certificate = new SshWire().raw(toBeSigned).string(signatureBlob).toByteArray();
        return new SshCertificate(fields, caKey, algorithm, certificate);
    }

    private static SshSignatureAlgorithm checkSignature(CertificateAuthority ca, SshPublicKey caKey,
                                                        byte[] toBeSigned, byte[] signatureBlob) {
        SshSignature signature;
        try {
            signature = SshSignature.fromBlob(Objects.requireNonNull(signatureBlob, "signature"));
        } catch (SshWireFormatException e) {
            throw new InternalException("ca_signature_invalid", "the CA returned a malformed signature", e);
        }
        if (signature.algorithm() != ca.signatureAlgorithm()) {
            throw new InternalException("ca_signature_invalid", "the CA signed with "
                    + signature.algorithm().wireName() + ", expected " + ca.signatureAlgorithm().wireName());
        }
        if (!SshSignatureVerifier.verify(caKey, toBeSigned, signatureBlob)) {
            throw new InternalException("ca_signature_invalid",
                    "the CA signature does not verify with the CA public key " + caKey.fingerprint());
        }
        return signature.algorithm();
    }
}
