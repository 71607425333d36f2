package dev.airlock.core.usecase;

import dev.airlock.core.testing.TestAuditRecords;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.InMemoryAccessRequestStore;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Writes that another function instance could make between a use case's read and its write. */
final class ConcurrentWrites {

    static final Instant AT = Instant.parse("2026-11-07T19:40:00Z");

    private ConcurrentWrites() {
    }

    /** Rewrites the stored request unchanged with a {@code test.touch} record: bumps its version only. */
    static AccessRequest touch(InMemoryAccessRequestStore store, String id) {
        return write(store, id, "test.touch", r -> r);
    }

    /** Writes {@code change} of the stored request, with an audit record, as a competing writer would. */
    static AccessRequest write(InMemoryAccessRequestStore store, String id, String action,
                               UnaryOperator<AccessRequest> change) {
        AccessRequest stored = store.find(id).orElseThrow();
        AccessRequest changed = change.apply(stored);
        AuditRecord record = TestAuditRecords.next(stored.auditHead(), "request#" + id, AT, "other", action, Map.of());
        return store.update(changed.withAuditHead(record.head()), record);
    }
}
