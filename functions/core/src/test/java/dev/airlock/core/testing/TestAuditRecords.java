package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CanonicalForm;
import dev.airlock.domain.request.AuditHead;

import java.time.Instant;
import java.util.Map;

/**
 * TEST ONLY: records with an action text no {@link dev.airlock.core.audit.AuditAction} names (a
 * competing writer's {@code test.touch}, a newer build's action), hashed as the real ones are.
 */
public final class TestAuditRecords {

    private TestAuditRecords() {
    }

    /** The record after {@code head} on {@code chain} with the free-form {@code action} text. */
    public static AuditRecord next(AuditHead head, String chain, Instant at, String actor, String action,
                                   Map<String, String> details) {
        AuditRecord unsigned = new AuditRecord(chain, head.seq() + 1, Instant.ofEpochMilli(at.toEpochMilli()),
                actor, action, details, head.hash(), AuditHead.GENESIS.hash());
        return new AuditRecord(unsigned.chain(), unsigned.seq(), unsigned.at(), actor, action, unsigned.details(),
                head.hash(), CanonicalForm.hash(unsigned));
    }
}
