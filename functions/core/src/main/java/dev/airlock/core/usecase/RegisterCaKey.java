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
 * Makes sure the newest {@code ca.key_registered} record on chain {@code ca} names a CA key, appending
 * one when it does not. Idempotent: a key already registered as the newest is not recorded again, so
 * every restart, container or admin run may call it. Two first uses racing may both append (the
 * chain's conditional append orders them); the record is then in the chain twice, which is harmless.
 */
public final class RegisterCaKey {

    private final AuditLog auditLog;

    public RegisterCaKey(AuditLog auditLog) {
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    }

    /**
     * What {@link #ensure} found or wrote.
     *
     * @param record   the newest registration, naming {@code key}
     * @param appended whether this call wrote it
     */
    public record Registration(AuditRecord record, boolean appended) {
    }

    /** The newest registration of {@code key}, appended by {@code actor} when the newest names another key or none. */
    public Registration ensure(CaKey key, String actor) {
        Objects.requireNonNull(key, "key");
        Optional<AuditRecord> newest = CaKeyRecords.newest(auditLog.read(AuditChains.CA));
        if (newest.isPresent() && CaKeyRecords.names(newest.get(), key.fingerprint())) {
            return new Registration(newest.get(), false);
        }
        AuditRecord written = auditLog.append(AuditChains.CA, actor, AuditAction.CA_KEY_REGISTERED, Map.of(
                CaKeyRecords.KEY_ID, key.keyId(), CaKeyRecords.KEY_SPEC, key.keySpec(),
                CaKeyRecords.FINGERPRINT, key.fingerprint()));
        return new Registration(written, true);
    }
}
