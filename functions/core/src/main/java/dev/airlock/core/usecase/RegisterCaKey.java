package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CaKeyRecords;
import dev.airlock.core.audit.CaKeyRecords.CaKey;
import dev.airlock.core.port.AuditLog;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes sure the last record of chain {@code ca} is a {@code ca.key_registered} record naming a CA
 * key, appending one when it is not. Idempotent: a key already registered last is not recorded again,
 * so every restart, container or admin run may call it. Two first uses racing may both append (the
 * chain's conditional append orders them); the record is then in the chain twice, which is harmless.
 * It asks {@link AuditLog#lastRecordMatches}, which needs no read permission on the audit table.
 */
public final class RegisterCaKey {

    private final AuditLog auditLog;

    public RegisterCaKey(AuditLog auditLog) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    }

    /**
     * Registers {@code key} as {@code actor} unless the {@code ca} chain's last record registers it.
     *
     * @return the record written, empty when the key was registered already
     */
    public Optional<AuditRecord> ensure(CaKey key, String actor) {
        Objects.requireNonNull(key, "key");
        if (auditLog.lastRecordMatches(AuditChains.CA, AuditAction.CA_KEY_REGISTERED,
                Map.of(CaKeyRecords.FINGERPRINT, key.fingerprint()))) {
            return Optional.empty();
        }
        return Optional.of(auditLog.append(AuditChains.CA, actor, AuditAction.CA_KEY_REGISTERED, Map.of(
                CaKeyRecords.KEY_ID, key.keyId(), CaKeyRecords.KEY_SPEC, key.keySpec(),
                CaKeyRecords.FINGERPRINT, key.fingerprint())));
    }
}
