package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ca} chain's {@link AuditAction#CA_KEY_REGISTERED} records: which CA key Airlock signs with.
 * The newest one names the key in force; a CA key served without such a record was swapped (or
 * created) behind Airlock's back ({@link Kind#CA_KEY_UNRECORDED}).
 */
public final class CaKeyRecords {

    /** Detail: the KMS key id or ARN. */
    public static final String KEY_ID = "keyId";
    /** Detail: the KMS key spec, e.g. {@code ECC_NIST_P256}. */
    public static final String KEY_SPEC = "keySpec";
    /** Detail: the public key's fingerprint as {@code ssh-keygen -l} prints it, {@code SHA256:...}. */
    public static final String FINGERPRINT = "fingerprint";

    private CaKeyRecords() {
    }

    /**
     * A CA key as a registration names it.
     *
     * @param keyId       the KMS key id or ARN
     * @param keySpec     the KMS key spec
     * @param fingerprint the OpenSSH SHA256 fingerprint of its public key
     */
    public record CaKey(String keyId, String keySpec, String fingerprint) {
        public CaKey {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(keySpec, "keySpec");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** The newest registration among {@code caChain} (in seq order), if any. */
    public static Optional<AuditRecord> newest(List<AuditRecord> caChain) {
        for (int i = caChain.size() - 1; i >= 0; i--) {
            AuditRecord record = caChain.get(i);
            if (record.knownAction().equals(Optional.of(AuditAction.CA_KEY_REGISTERED))) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code record} registers the key with {@code fingerprint}. */
    public static boolean names(AuditRecord record, String fingerprint) {
        return fingerprint.equals(record.details().get(FINGERPRINT));
    }

    /**
     * The break when the served key's {@code fingerprint} is not the one the newest registration names.
     * No registration at all is a break only once something was signed ({@code anythingSigned}: a
     * {@code certificate.issued} record exists): a new deployment's key is recorded by its first signature.
     */
    static Optional<AuditBreak> check(String servedFingerprint, List<AuditRecord> caChain, boolean anythingSigned) {
        Optional<AuditRecord> newest = newest(caChain);
        if (newest.isEmpty() && !anythingSigned) {
            return Optional.empty();
        }
        if (newest.isEmpty()) {
            return Optional.of(new AuditBreak(AuditChains.CA, 0, Kind.CA_KEY_UNRECORDED, "the deployment serves CA key "
                    + servedFingerprint + " and certificates were issued, but no " + AuditAction.CA_KEY_REGISTERED
                    + " record exists"));
        }
        if (names(newest.get(), servedFingerprint)) {
            return Optional.empty();
        }
        return Optional.of(new AuditBreak(AuditChains.CA, newest.get().seq(), Kind.CA_KEY_UNRECORDED,
                "the deployment serves CA key " + servedFingerprint + " but the newest " + AuditAction.CA_KEY_REGISTERED
                        + " record names " + newest.get().details().getOrDefault(FINGERPRINT, "no fingerprint")));
    }
}
