package dev.airlock.app.json;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.usecase.ReadRequestAudit;
import dev.airlock.domain.request.AuditHead;

import java.util.List;
import java.util.Map;

/**
 * The audit trail representation of docs/API.md ({@code GET /requests/{id}/audit}): every field the
 * hash covers, exactly as hashed ({@code at} is {@link java.time.Instant#toString()} of the stored
 * millisecond instant, as {@code core/audit/CanonicalForm} writes it), so a reader can recompute each
 * hash without knowing anything the response does not say.
 */
public final class AuditJson {

    private AuditJson() {
    }

    public static TrailView of(ReadRequestAudit.Trail trail) {
        AuditHead head = trail.request().auditHead();
        return new TrailView(trail.request().id(), new HeadView(head.seq(), head.hash()),
                trail.records().stream().map(AuditJson::record).toList());
    }

    private static RecordView record(AuditRecord r) {
        return new RecordView(r.chain(), r.seq(), r.at().toString(), r.actor(), r.action(), r.details(),
                r.prevHash(), r.hash());
    }

    /** {@code head}: the chain head the request item names (the last record's seq and hash). */
    public record TrailView(String requestId, HeadView head, List<RecordView> records) {
    }

    public record HeadView(long seq, String hash) {
    }

    /** One record; {@code details} in key order, as the canonical form takes them. */
    public record RecordView(String chain, long seq, String at, String actor, String action,
                             Map<String, String> details, String prevHash, String hash) {
    }
}
