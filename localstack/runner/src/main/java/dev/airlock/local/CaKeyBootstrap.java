package dev.airlock.local;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes sure the CA signing key exists in KMS under its alias: created once (asymmetric,
 * {@code SIGN_VERIFY}, the requested key spec), then found by alias on every later start, so the CA —
 * and every sshd that trusts it — stays the same across restarts.
 */
public final class CaKeyBootstrap {

    /** Key specs the CA supports (docs/ARCHITECTURE.md "Certificates"). */
    public static final List<String> SUPPORTED_SPECS = List.of("ECC_NIST_P256", "RSA_3072", "RSA_4096",
            "ECC_NIST_EDWARDS25519");
    public static final String DEFAULT_SPEC = "ECC_NIST_P256";

    private final KmsClient kms;

    public CaKeyBootstrap(KmsClient kms) {
        this.kms = Objects.requireNonNull(kms, "kms");
    }

    /** What {@link #ensure} found or made. */
    public record CaKey(String keyId, String keySpec, boolean created) {
    }

    /**
     * The key behind {@code alias}, created with {@code keySpec} when the alias does not exist.
     *
     * @param requiredSpec the spec the caller insists on (explicitly configured); empty to accept the
     *                     existing key's spec
     * @throws IllegalStateException when an existing key has another spec than {@code requiredSpec}
     */
    public CaKey ensure(String alias, String keySpec, Optional<String> requiredSpec) {
        if (!SUPPORTED_SPECS.contains(keySpec)) {
            throw new IllegalArgumentException("unsupported CA key spec " + keySpec + "; use one of " + SUPPORTED_SPECS);
        }
        Optional<KeyMetadata> existing = describe(alias);
        if (existing.isPresent()) {
            KeyMetadata key = existing.get();
            String spec = key.keySpecAsString();
            if (requiredSpec.isPresent() && !requiredSpec.get().equals(spec)) {
                throw new IllegalStateException("the CA key " + alias + " already exists as " + spec + ", not "
                        + requiredSpec.get() + "; unset AIRLOCK_CA_KEY_SPEC to keep it, or start with a fresh "
                        + "AIRLOCK_HOME to make a new CA");
            }
            return new CaKey(key.keyId(), spec, false);
        }
        KeyMetadata created = kms.createKey(b -> b
                .keySpec(KeySpec.fromValue(keySpec))
                .keyUsage(KeyUsageType.SIGN_VERIFY)
                .description("Airlock SSH user CA (local development)")).keyMetadata();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(created.keyId()));
        return new CaKey(created.keyId(), keySpec, true);
    }

    private Optional<KeyMetadata> describe(String alias) {
        try {
            return Optional.of(kms.describeKey(b -> b.keyId(alias)).keyMetadata());
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }
}
