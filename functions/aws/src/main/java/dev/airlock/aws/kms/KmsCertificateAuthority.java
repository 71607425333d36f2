package dev.airlock.aws.kms;

import dev.airlock.core.audit.CaKeyRecords.CaKey;
import dev.airlock.domain.error.InternalException;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignatureAlgorithm;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.SignResponse;

import java.util.Objects;

/**
 * The production {@link CertificateAuthority}: the CA private key lives in AWS KMS and never leaves
 * it. Works with any of the three supported key kinds ({@code ECC_NIST_P256},
 * {@code RSA_3072}/{@code RSA_4096}, {@code ECC_NIST_EDWARDS25519}; see {@link KmsSigning}); the kind
 * is read from KMS, so the deployment only names the key (key id, key ARN, alias name or alias ARN).
 *
 * <p>The public key is fetched once with {@code GetPublicKey} and cached for the life of the process
 * (a Lambda container); failures are not cached, so a throttled first call is retried by the next
 * request. Signing then uses the key ARN KMS returned, so re-pointing an alias never makes this
 * process sign with a key other than the one whose public key it serves. Thread-safe.
 */
public final class KmsCertificateAuthority implements CertificateAuthority {

    private final KmsClient kms;
    private final String keyId;
    private final SshSignatureAlgorithm rsaAlgorithm;
    private volatile LoadedKey loaded;

    private record LoadedKey(String keyArn, SshPublicKey publicKey, KmsSigning signing) {
    }

    /** A CA over {@code keyId}; RSA keys sign with {@code rsa-sha2-512} (what {@code ssh-keygen -s} uses). */
    public KmsCertificateAuthority(KmsClient kms, String keyId) {
        this(kms, keyId, SshSignatureAlgorithm.RSA_SHA2_512);
    }

    /** @param rsaAlgorithm {@code RSA_SHA2_256} or {@code RSA_SHA2_512}; used only when the key is RSA */
    public KmsCertificateAuthority(KmsClient kms, String keyId, SshSignatureAlgorithm rsaAlgorithm) {
        this.kms = Objects.requireNonNull(kms, "kms");
        this.keyId = Objects.requireNonNull(keyId, "keyId").strip();
        if (this.keyId.isEmpty()) {
            throw new IllegalArgumentException("the KMS CA key id must not be blank");
        }
        if (rsaAlgorithm != SshSignatureAlgorithm.RSA_SHA2_256 && rsaAlgorithm != SshSignatureAlgorithm.RSA_SHA2_512) {
            throw new IllegalArgumentException("RSA CA keys sign with rsa-sha2-256 or rsa-sha2-512, not " + rsaAlgorithm);
        }
        this.rsaAlgorithm = rsaAlgorithm;
    }

    @Override
    public SshPublicKey publicKey() {
        return key().publicKey();
    }

    @Override
    public SshSignatureAlgorithm signatureAlgorithm() {
        return key().signing().sshAlgorithm();
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        Objects.requireNonNull(toBeSigned, "toBeSigned");
        LoadedKey key = key();
        SignResponse response;
        try {
            response = kms.sign(key.signing().request(key.keyArn(), toBeSigned));
        } catch (SdkException e) {
            throw KmsErrors.translate(e, "Sign", keyId);
        }
        if (response.signature() == null) {
            throw new InternalException("kms_signature_invalid", "KMS Sign for key " + keyId + " returned no signature");
        }
        try {
            return key.signing().toSshSignature(response.signature().asByteArray());
        } catch (IllegalArgumentException e) {
            throw new InternalException("kms_signature_invalid", "KMS Sign for key " + keyId
                    + " returned a signature of the wrong shape for " + key.signing().sshAlgorithm().wireName(), e);
        }
    }

    /**
     * The key this CA signs with, as a {@code ca.key_registered} record names it: the key ARN KMS
     * returned, its key spec, and the OpenSSH fingerprint of its public key.
     */
    public CaKey describe() {
        LoadedKey key = key();
        return new CaKey(key.keyArn(), key.signing().keySpec().toString(), key.publicKey().fingerprint());
    }

    private LoadedKey key() {
        LoadedKey current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = load();
                    loaded = current;
                }
            }
        }
        return current;
    }

    private LoadedKey load() {
        GetPublicKeyResponse response;
        try {
            response = kms.getPublicKey(GetPublicKeyRequest.builder().keyId(keyId).build());
        } catch (SdkException e) {
            throw KmsErrors.translate(e, "GetPublicKey", keyId);
        }
        String keyArn = response.keyId() == null ? keyId : response.keyId();
        if (response.keyUsage() != KeyUsageType.SIGN_VERIFY) {
            throw new InternalException("ca_key_unsupported", "KMS key " + keyId + " has key usage "
                    + response.keyUsageAsString() + "; an SSH CA key needs SIGN_VERIFY");
        }
        KmsSigning signing = KmsSigning.forKeySpec(keySpec(response, keyArn), rsaAlgorithm);
        if (response.hasSigningAlgorithms() && !response.signingAlgorithms().contains(signing.kmsAlgorithm())) {
            throw new InternalException("ca_key_unsupported", "KMS key " + keyId + " does not offer "
                    + signing.kmsAlgorithm() + " (it offers " + response.signingAlgorithmsAsStrings() + ")");
        }
        return new LoadedKey(keyArn, publicKeyOf(response, signing), signing);
    }

    /** GetPublicKey names the key spec; if an endpoint leaves it out, DescribeKey does. */
    private KeySpec keySpec(GetPublicKeyResponse response, String keyArn) {
        KeySpec spec = response.keySpec();
        if (spec != null && spec != KeySpec.UNKNOWN_TO_SDK_VERSION) {
            return spec;
        }
        try {
            return kms.describeKey(DescribeKeyRequest.builder().keyId(keyArn).build()).keyMetadata().keySpec();
        } catch (SdkException e) {
            throw KmsErrors.translate(e, "DescribeKey", keyId);
        }
    }

    private SshPublicKey publicKeyOf(GetPublicKeyResponse response, KmsSigning signing) {
        if (response.publicKey() == null) {
            throw new InternalException("ca_key_unsupported", "KMS GetPublicKey for key " + keyId + " returned no key");
        }
        SshPublicKey key;
        try {
            key = SshPublicKey.fromSubjectPublicKeyInfo(response.publicKey().asByteArray());
        } catch (IllegalArgumentException e) {
            throw new InternalException("ca_key_unsupported", "KMS public key of " + keyId
                    + " is not a usable SSH key", e);
        }
        if (key.type() != signing.sshKeyType()) {
            throw new InternalException("ca_key_unsupported", "KMS public key of " + keyId + " is "
                    + key.type().wireName() + " but its key spec is " + signing.keySpec());
        }
        return key.withComment("airlock-ca");
    }
}
