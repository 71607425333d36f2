package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.RevocationStore;
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
import java.util.Optional;

/**
 * {@code POST /requests/{id}/reviews}: a reviewer approves or denies; thresholds may resolve the
 * request. One audit record per review: {@code review.approved} or {@code review.denied}, whose
 * {@code resolution} detail says {@code request.approved} / {@code request.denied} when this review
 * resolved the request.
 *
 * <p>A break-glass request (approved at once, {@link BreakGlassAccess}) is reviewed afterwards: an approval
 * confirms it ({@code request.post_review_confirmed}); a denial is a finding
 * ({@code request.post_review_revoked}) and, while its access is still open, revokes it on the same path
 * as {@link RevokeRequest}: one transaction with its certificates' serials in the KRL index.
 */
public final class ReviewRequest {

    public static final AuditAction ACTION_APPROVED = AuditAction.REVIEW_APPROVED;
    public static final AuditAction ACTION_DENIED = AuditAction.REVIEW_DENIED;
    public static final AuditAction RESOLUTION_APPROVED = AuditAction.REQUEST_APPROVED;
    public static final AuditAction RESOLUTION_DENIED = AuditAction.REQUEST_DENIED;
    public static final AuditAction ACTION_POST_REVIEW_CONFIRMED = AuditAction.REQUEST_POST_REVIEW_CONFIRMED;
    public static final AuditAction ACTION_POST_REVIEW_REVOKED = AuditAction.REQUEST_POST_REVIEW_REVOKED;

    private final AccessRequestStore store;
    private final Optional<RevocationStore> revocations;
    private final RoleCatalog roleCatalog;
    private final Clock clock;

    /**
     * Without a KRL store (tests of plain reviews): a denied post-review of a break-glass request under which
     * certificates were issued fails with IllegalStateException; deployed functions use the other constructor.
     */
    public ReviewRequest(AccessRequestStore store, RoleCatalog roleCatalog, Clock clock) {
        this(store, Optional.empty(), roleCatalog, clock);
    }

    public ReviewRequest(AccessRequestStore store, RevocationStore revocations, RoleCatalog roleCatalog,
                         Clock clock) {
        this(store, Optional.of(revocations), roleCatalog, clock);
    }

    private ReviewRequest(AccessRequestStore store, Optional<RevocationStore> revocations, RoleCatalog roleCatalog,
                          Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
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
        if (read.isBreakGlass()) {
            return postReview(reviewer, read, verdict, reason, policies);
        }
        return OptimisticUpdate.apply(store, read, current -> {
            AccessRequest reviewed = policy.review(reviewer, current, verdict, reason);
            return RequestChange.of(reviewed, policies.now(), reviewer.user(), action(verdict), details(reviewed));
        });
    }

    private AccessRequest postReview(Identity reviewer, AccessRequest read, Verdict verdict, String reason,
                                     Policies policies) {
        ReviewPolicy policy = policies.reviews();
        return OptimisticUpdate.apply(store, read, current -> {
            AccessRequest reviewed = policy.review(reviewer, current, verdict, reason);
            Review review = reviewed.postReview().orElseThrow().review().orElseThrow();
            AuditDetails details = AuditDetails.builder()
                    .put("verdict", review.verdict().name())
                    .put("reason", review.reason())
                    .put("previousState", current.stateAt(policies.now()).name())
                    .put("state", reviewed.state().name())
                    .put("serials", reviewed.certificateSerials());
            AuditAction action = verdict == Verdict.APPROVE ? ACTION_POST_REVIEW_CONFIRMED : ACTION_POST_REVIEW_REVOKED;
            return RequestChange.of(reviewed, policies.now(), reviewer.user(), action, details.build());
        }, this::write);
    }

    /** A post-review that revoked open access lists its certificates in the KRL in the same transaction. */
    private AccessRequest write(RequestChange next) {
        AccessRequest updated = next.updated();
        if (updated.state() != RequestState.REVOKED || updated.certificateSerials().isEmpty()) {
            return store.update(updated, next.record());
        }
        // a wiring error, not a lost race: OptimisticUpdate must not retry it
        RevocationStore krl = revocations.orElseThrow(() -> new IllegalStateException(
                "ReviewRequest was built without a RevocationStore"));
        return krl.updateAndRevoke(updated, next.record(), KrlEntry.forRequest(updated.id(),
                updated.certificateSerials(), updated.accessExpiresAt().orElseThrow()));
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
