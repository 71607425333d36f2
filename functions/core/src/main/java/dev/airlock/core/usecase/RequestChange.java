package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;
import java.util.Map;

/**
 * A change to one request and the audit record describing it, ready for
 * {@code AccessRequestStore.update}: the record follows the head the request was read with, and the
 * changed request carries the record as its new head.
 */
record RequestChange(AccessRequest updated, AuditRecord record) {

    /**
     * @param changed the request after the transition (same version and audit head as when read)
     */
    static RequestChange of(AccessRequest changed, Instant at, String actor, AuditAction action,
                            Map<String, String> details) {
        AuditRecord record = AuditRecord.next(changed.auditHead(), AuditChains.forRequest(changed.id()), at, actor,
                action, details);
        return new RequestChange(changed.withAuditHead(record.head()), record);
    }
}
