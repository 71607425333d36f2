package dev.airlock.bench.issuance;

import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignature;
import dev.airlock.ssh.SshSignatureAlgorithm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;

/**
 * BENCHMARK ONLY: a CA whose key is in memory and which signs through JCA — exactly the
 * {@link Signature} the raw-signature figure uses, with the same key — so that certificates per
 * second ÷ raw signatures per second measures what issuing adds to the signature itself. DER ECDSA
 * output goes through {@link SshSignature#ecdsaFromDer}, as KMS output does. Not thread-safe.
 */
public final class JcaCertificateAuthority implements CertificateAuthority {

    private final SshPublicKey publicKey;
    private final SshSignatureAlgorithm algorithm;
    private final Signature signer;

    public JcaCertificateAuthority(KeyPair key, SshSignatureAlgorithm algorithm, String jcaAlgorithm) {
        this.publicKey = SshPublicKey.fromSubjectPublicKeyInfo(key.getPublic().getEncoded()).withComment("bench-ca");
        this.algorithm = algorithm;
        this.signer = KeyKind.initSign(jcaAlgorithm, key);
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public SshSignatureAlgorithm signatureAlgorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        byte[] raw;
        try {
            signer.update(toBeSigned);
            raw = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA signing failed", e);
        }
        SshSignature signature = switch (algorithm) {
            case ECDSA_P256, ECDSA_P384, ECDSA_P521 -> SshSignature.ecdsaFromDer(algorithm, raw);
            default -> SshSignature.of(algorithm, raw);
        };
        return signature.toBlob();
    }
}
