package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Records, once per request, that a break-glass post-review is past its deadline: a
 * {@code request.post_review_overdue} record by the {@code system} actor, with the request marked so
 * (version-conditioned, like every request write), so the reminder reaches the notifier through the audit
 * stream like every other event. The state does not change; a lost race or a request whose item its chain
 * does not justify is left for the next run, as {@link ExpireRequests} does.
 */
final class OverduePostReviews {

    static final AuditAction ACTION = AuditAction.REQUEST_POST_REVIEW_OVERDUE;

    private final AccessRequestStore store;

    OverduePostReviews(AccessRequestStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @return how many were recorded now */
    int record(List<AccessRequest> outstanding, Instant now) {
        int recorded = 0;
        for (AccessRequest request : outstanding) {
            boolean due = request.isPostReviewOverdueAt(now)
                    && !request.postReview().orElseThrow().overdueRecorded();
            if (due && recordOne(request, now)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean recordOne(AccessRequest request, Instant now) {
        RequestChange change = RequestChange.of(request.withPostReviewOverdueRecorded(), now, ExpireRequests.ACTOR,
                ACTION, AuditDetails.builder()
                        .put("dueAt", request.postReview().orElseThrow().dueAt())
                        .put("state", request.stateAt(now).name())
                        .build());
        try {
            store.update(change.updated(), change.record());
            return true;
        } catch (ConflictException lostRace) {
            return false;
        } catch (InternalException e) {
            if (!AccessRequestStore.AUDIT_MISMATCH.equals(e.code())) {
                throw e;
            }
            return false;
        }
    }
}
