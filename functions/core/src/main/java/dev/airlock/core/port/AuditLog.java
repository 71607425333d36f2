package dev.airlock.core.port;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;

import java.util.List;
import java.util.Map;

/**
 * Append-only, hash-chained audit records for chains that do not belong to one access request
 * (the CA chain, the role-configuration chain, certificates issued for base roles only).
 * Request chains are written by {@link AccessRequestStore} in the same transaction as the change.
 */
public interface AuditLog {

    /**
     * Appends one record to {@code chain}, linking it to the chain's current head.
     *
     * @return the record as stored (sequence number and hashes filled in)
     */
    AuditRecord append(String chain, String actor, AuditAction action, Map<String, String> details);

    /** Every record of one chain in sequence order. */
    List<AuditRecord> read(String chain);
}
