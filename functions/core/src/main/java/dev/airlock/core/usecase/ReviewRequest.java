package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.policy.ReviewPolicy;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /requests/{id}/reviews}: a reviewer approves or denies; thresholds may resolve the
 * request. One audit record per review: {@code review.approved} or {@code review.denied}, whose
 * {@code resolution} detail says {@code request.approved} / {@code request.denied} when this review
 * resolved the request.
 */
public final class ReviewRequest {

    public static final AuditAction ACTION_APPROVED = AuditAction.REVIEW_APPROVED;
    public static final AuditAction ACTION_DENIED = AuditAction.REVIEW_DENIED;
    public static final AuditAction RESOLUTION_APPROVED = AuditAction.REQUEST_APPROVED;
    public static final AuditAction RESOLUTION_DENIED = AuditAction.REQUEST_DENIED;

    private final AccessRequestStore store;
    private final RoleCatalog roleCatalog;
    private final Clock clock;

    public ReviewRequest(AccessRequestStore store, RoleCatalog roleCatalog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Applies the review. A review racing another write on the same request is re-applied to the
     * fresh value (up to {@link OptimisticUpdate#MAX_ATTEMPTS} attempts), so concurrent reviewers
     * both count and thresholds are judged on every review.
     *
     * @param reason the reviewer's reason; null is the same as empty
     * @return the request as stored after the review (its state says whether it resolved)
     * @throws NotFoundException       code {@code request_not_found}
     * @throws AccessDeniedException   code {@code self_review} or {@code not_reviewer}
     * @throws ConflictException       code {@code invalid_state}, {@code already_reviewed},
     *                                 {@code too_many_reviews} or {@code concurrent_update}
     * @throws InvalidRequestException code {@code reason_too_long}
     */
    public AccessRequest handle(Identity reviewer, String id, Verdict verdict, String reason) {
        Requests.required(reviewer, "reviewer");
        if (verdict == null) {
            throw new InvalidRequestException("verdict_required", "verdict must be APPROVE or DENY");
        }
        Policies policies = Policies.at(roleCatalog, clock);
        ReviewPolicy policy = policies.reviews();
        AccessRequest read = Requests.require(store, id);
        return OptimisticUpdate.apply(store, read, current -> {
            AccessRequest reviewed = policy.review(reviewer, current, verdict, reason);
            return RequestChange.of(reviewed, policies.now(), reviewer.user(), action(verdict), details(reviewed));
        });
    }

    private static AuditAction action(Verdict verdict) {
        return verdict == Verdict.APPROVE ? ACTION_APPROVED : ACTION_DENIED;
    }

    private static Map<String, String> details(AccessRequest reviewed) {
        Review review = reviewed.reviews().get(reviewed.reviews().size() - 1);
        AuditDetails details = AuditDetails.builder()
                .put("verdict", review.verdict().name())
                .put("reason", review.reason())
                .put("state", reviewed.state().name());
        if (reviewed.state() == RequestState.APPROVED) {
            details.put("resolution", RESOLUTION_APPROVED.wire())
                    .put("accessExpiresAt", reviewed.accessExpiresAt().orElseThrow());
        } else if (reviewed.state() == RequestState.DENIED) {
            details.put("resolution", RESOLUTION_DENIED.wire());
        }
        return details.build();
    }
}
