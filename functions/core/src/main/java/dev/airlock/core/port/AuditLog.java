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

    /**
     * Whether the last record of {@code chain} names {@code action} with every detail of {@code expected}.
     * The DynamoDB adapter answers with a condition check on the head record, so a caller allowed only
     * to append (the {@code sign} function) needs no read permission on the audit table.
     */
    default boolean lastRecordMatches(String chain, AuditAction action, Map<String, String> expected) {
        List<AuditRecord> records = read(chain);
        if (records.isEmpty()) {
            return false;
        }
        AuditRecord last = records.get(records.size() - 1);
        return last.is(action) && last.details().entrySet().containsAll(expected.entrySet());
    }
}
