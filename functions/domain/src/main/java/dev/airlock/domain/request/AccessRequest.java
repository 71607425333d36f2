package dev.airlock.domain.request;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An access request and its state machine (docs/ARCHITECTURE.md "Access request"). Immutable: every transition
 * returns a new value and throws {@link ConflictException} (code {@code invalid_state}) when the state
 * at {@code now} does not allow it. Expiry is judged at read time ({@link #stateAt}) so correctness
 * never waits for the sweep; {@link #expire} only records what {@code stateAt} already says.
 *
 * <p><b>Versioning.</b> {@code version} is the version of the stored item this value was read from;
 * transitions keep it unchanged. A new request has version 0. The store writes a new item as-is
 * (condition {@code attribute_not_exists(id)}) and every later change with condition
 * {@code version = :version}, storing {@link #nextVersion()}.
 *
 * @param id                 UUID (canonical lower-case form)
 * @param user               the requester
 * @param roles              requested roles, sorted and distinct, never empty
 * @param reason             the requester's reason; empty when none was given
 * @param state              the stored state (see {@link #stateAt} for the effective one)
 * @param createdAt          when the request was made
 * @param pendingExpiresAt   when an unreviewed request expires
 * @param accessDuration     length of the access window granted on approval
 * @param accessExpiresAt    end of the access window; set on approval (resolution time + accessDuration)
 * @param thresholdsByRole   review thresholds per requested role, captured at creation
 * @param reviews            reviews in submission order
 * @param resolutionReason   reason of the review that resolved it, or of the revocation
 * @param resolvedAt         when it left PENDING
 * @param version            optimistic-concurrency version of the stored item
 * @param auditHead          head of this request's audit chain
 * @param certificateSerials serials of the certificates issued under it, in issue order
 * @param postReview         for a break-glass request (approved at once, without a reviewer): the review
 *                           owed afterwards; empty for every other request
 */
public record AccessRequest(
        String id,
        String user,
        List<String> roles,
        String reason,
        RequestState state,
        Instant createdAt,
        Instant pendingExpiresAt,
        Duration accessDuration,
        Optional<Instant> accessExpiresAt,
        Map<String, List<Threshold>> thresholdsByRole,
        List<Review> reviews,
        Optional<String> resolutionReason,
        Optional<Instant> resolvedAt,
        long version,
        AuditHead auditHead,
        List<String> certificateSerials,
        Optional<PostReview> postReview) {

    /** Most certificates issued under one request; bounds the stored item (DynamoDB items ≤ 400 KB). */
    public static final int MAX_CERTIFICATES_PER_REQUEST = 500;

    /** Most reviews stored on one request; bounds the stored item. */
    public static final int MAX_REVIEWS_PER_REQUEST = 100;

    public AccessRequest {
        AccessRequestInvariants.Normalized n = AccessRequestInvariants.check(
                id, user, roles, reason, state, createdAt, pendingExpiresAt, accessDuration, accessExpiresAt,
                thresholdsByRole, reviews, resolutionReason, resolvedAt, version, auditHead, certificateSerials);
        roles = n.roles();
        thresholdsByRole = n.thresholdsByRole();
        reviews = n.reviews();
        certificateSerials = n.certificateSerials();
        Objects.requireNonNull(postReview, "postReview");
        if (postReview.isPresent() && (state == RequestState.PENDING || !reviews.isEmpty())) {
            throw new IllegalArgumentException("a break-glass request is never PENDING and has no reviews");
        }
    }

    /** A request that is not break-glass. */
    public AccessRequest(String id, String user, List<String> roles, String reason, RequestState state,
            Instant createdAt, Instant pendingExpiresAt, Duration accessDuration, Optional<Instant> accessExpiresAt,
            Map<String, List<Threshold>> thresholdsByRole, List<Review> reviews, Optional<String> resolutionReason,
            Optional<Instant> resolvedAt, long version, AuditHead auditHead, List<String> certificateSerials) {
        this(id, user, roles, reason, state, createdAt, pendingExpiresAt, accessDuration, accessExpiresAt,
                thresholdsByRole, reviews, resolutionReason, resolvedAt, version, auditHead, certificateSerials,
                Optional.empty());
    }

    /** A new PENDING request at version 0 with no reviews, no certificates and the genesis audit head. */
    public static AccessRequest create(
            String id, String user, List<String> roles, String reason, Instant createdAt,
            Instant pendingExpiresAt, Duration accessDuration, Map<String, List<Threshold>> thresholdsByRole) {
        return new AccessRequest(id, user, roles, reason, RequestState.PENDING, createdAt, pendingExpiresAt,
                accessDuration, Optional.empty(), thresholdsByRole, List.of(), Optional.empty(), Optional.empty(),
                0, AuditHead.GENESIS, List.of());
    }

    /**
     * A break-glass request: APPROVED at {@code createdAt}, version 0, genesis audit head, its access window
     * open for {@code accessDuration}, a post-review due at {@code postReviewDueAt}. It never waits for
     * reviews, so its pending expiry is its creation's access end (kept only because every request has one).
     */
    public static AccessRequest breakGlass(
            String id, String user, List<String> roles, String reason, Instant createdAt, Duration accessDuration,
            Map<String, List<Threshold>> thresholdsByRole, Instant postReviewDueAt) {
        Instant accessEnd = createdAt.plus(accessDuration);
        return new AccessRequest(id, user, roles, reason, RequestState.APPROVED, createdAt, accessEnd,
                accessDuration, Optional.of(accessEnd), thresholdsByRole, List.of(), Optional.empty(),
                Optional.of(createdAt), 0, AuditHead.GENESIS, List.of(), Optional.of(PostReview.due(postReviewDueAt)));
    }

    /** Whether this request was opened by break-glass. */
    public boolean isBreakGlass() {
        return postReview.isPresent();
    }

    /** Whether this is a break-glass request whose post-review is missing past its deadline at {@code now}. */
    public boolean isPostReviewOverdueAt(Instant now) {
        return postReview.map(p -> p.overdueAt(now)).orElse(false);
    }

    /**
     * This break-glass request with its overdue post-review recorded (the sweep's
     * {@code request.post_review_overdue} record; state unchanged).
     *
     * @throws IllegalStateException when it owes no post-review
     */
    public AccessRequest withPostReviewOverdueRecorded() {
        PostReview due = postReview.filter(p -> !p.done())
                .orElseThrow(() -> new IllegalStateException("request " + id + " owes no post-review"));
        return new AccessRequest(id, user, roles, reason, state, createdAt, pendingExpiresAt, accessDuration,
                accessExpiresAt, thresholdsByRole, reviews, resolutionReason, resolvedAt, version, auditHead,
                certificateSerials, Optional.of(due.withOverdueRecorded()));
    }

    /**
     * Records the review a break-glass request owes. Approval confirms it (state unchanged). Denial is a
     * finding: access that is still APPROVED at {@code now} is REVOKED with the review's reason (the caller
     * puts its certificates into the KRL, as for any revocation); access that already ended keeps its state.
     * Allowed in any state, once: the obligation outlives the short access window.
     *
     * @throws AccessDeniedException code {@code self_review} when the reviewer is the requester
     * @throws ConflictException     code {@code not_break_glass} for another request, {@code already_reviewed}
     *                               when the post-review was already given
     */
    public AccessRequest applyPostReview(Review review, Instant now) {
        if (review.reviewer().equals(user)) {
            throw new AccessDeniedException("self_review", "a requester cannot review their own request");
        }
        PostReview due = postReview.orElseThrow(() ->
                new ConflictException("not_break_glass", "request " + id + " is not a break-glass request"));
        if (due.done()) {
            throw new ConflictException("already_reviewed", "request " + id + " was already reviewed afterwards by '"
                    + due.review().orElseThrow().reviewer() + "'");
        }
        Optional<PostReview> done = Optional.of(new PostReview(due.dueAt(), Optional.of(review)));
        boolean revoke = review.verdict() == Verdict.DENY && stateAt(now) == RequestState.APPROVED;
        RequestState next = revoke ? RequestState.REVOKED : state;
        Optional<String> resolution = revoke ? Optional.of(review.reason()) : resolutionReason;
        return new AccessRequest(id, user, roles, reason, next, createdAt, pendingExpiresAt, accessDuration,
                accessExpiresAt, thresholdsByRole, reviews, resolution, resolvedAt, version, auditHead,
                certificateSerials, done);
    }

    /** The effective state at {@code now}: a PENDING or APPROVED request past its expiry is EXPIRED. */
    public RequestState stateAt(Instant now) {
        if (state == RequestState.PENDING && !now.isBefore(pendingExpiresAt)) {
            return RequestState.EXPIRED;
        }
        if (state == RequestState.APPROVED && !now.isBefore(accessExpiresAt.orElseThrow())) {
            return RequestState.EXPIRED;
        }
        return state;
    }

    /** Whether the request is EXPIRED at {@code now} (stored so, or past its expiry). */
    public boolean isExpiredAt(Instant now) {
        return stateAt(now) == RequestState.EXPIRED;
    }

    /** When the request stops being open if nothing else happens: pending or access expiry; empty once final. */
    public Optional<Instant> openUntil() {
        return switch (state) {
            case PENDING -> Optional.of(pendingExpiresAt);
            case APPROVED -> accessExpiresAt;
            default -> Optional.empty();
        };
    }

    /** Whether {@code reviewer} has already reviewed this request. */
    public boolean hasReviewFrom(String reviewer) {
        return reviews.stream().anyMatch(r -> r.reviewer().equals(reviewer));
    }

    /**
     * Adds a review and resolves the request with {@link ReviewResolution}: on approval the access window
     * opens at {@code now}. Authorization (may this reviewer review these roles?) is
     * {@code ReviewPolicy}'s job; this method keeps the rules that hold for every caller.
     *
     * @throws AccessDeniedException code {@code self_review} when the reviewer is the requester
     * @throws ConflictException     code {@code already_reviewed} on a second review by the same reviewer,
     *                               {@code invalid_state} when the request is not PENDING at {@code now},
     *                               {@code too_many_reviews} past {@link #MAX_REVIEWS_PER_REQUEST}
     */
    public AccessRequest applyReview(Review review, Instant now) {
        if (review.reviewer().equals(user)) {
            throw new AccessDeniedException("self_review", "a requester cannot review their own request");
        }
        requireStateAt(now, RequestState.PENDING, "review");
        if (hasReviewFrom(review.reviewer())) {
            throw new ConflictException("already_reviewed",
                    "'" + review.reviewer() + "' has already reviewed request " + id);
        }
        if (reviews.size() >= MAX_REVIEWS_PER_REQUEST) {
            throw new ConflictException("too_many_reviews", "request " + id + " has too many reviews");
        }
        List<Review> added = new ArrayList<>(reviews);
        added.add(review);
        RequestState next = ReviewResolution.resolve(user, roles, thresholdsByRole, added);
        if (next == RequestState.PENDING) {
            return copy(state, accessExpiresAt, added, resolutionReason, resolvedAt, certificateSerials);
        }
        Optional<Instant> accessEnd = next == RequestState.APPROVED
                ? Optional.of(now.plus(accessDuration)) : Optional.empty();
        return copy(next, accessEnd, added, Optional.of(review.reason()), Optional.of(now), certificateSerials);
    }

    /**
     * Records the expiry that {@link #stateAt} already reports (the sweep calls this).
     *
     * @throws ConflictException code {@code invalid_state} when the request is not expired-but-unrecorded at {@code now}
     */
    public AccessRequest expire(Instant now) {
        boolean due = !state.isFinal() && stateAt(now) == RequestState.EXPIRED;
        if (!due) {
            throw invalidState("expire", stateAt(now));
        }
        Optional<Instant> resolved = state == RequestState.PENDING ? Optional.of(pendingExpiresAt) : resolvedAt;
        return copy(RequestState.EXPIRED, accessExpiresAt, reviews, resolutionReason, resolved, certificateSerials);
    }

    /**
     * The requester drops their pending request.
     *
     * @throws AccessDeniedException code {@code not_requester} when {@code caller} is not the requester
     * @throws ConflictException     code {@code invalid_state} when the request is not PENDING at {@code now}
     */
    public AccessRequest withdraw(String caller, Instant now) {
        if (!user.equals(caller)) {
            throw new AccessDeniedException("not_requester", "only the requester may withdraw request " + id);
        }
        requireStateAt(now, RequestState.PENDING, "withdraw");
        return copy(RequestState.WITHDRAWN, accessExpiresAt, reviews, resolutionReason, Optional.of(now),
                certificateSerials);
    }

    /**
     * Ends approved access early; {@code reason} becomes the resolution reason. Who may revoke is
     * {@code RevocationPolicy}'s job. The serials of certificates already issued stay on the request:
     * they are what the revocation puts into the KRL, and a certificate can no longer be added.
     *
     * @throws ConflictException code {@code invalid_state} when the request is not APPROVED at {@code now}
     */
    public AccessRequest revoke(String reason, Instant now) {
        requireStateAt(now, RequestState.APPROVED, "revoke");
        return copy(RequestState.REVOKED, accessExpiresAt, reviews, Optional.of(reason), resolvedAt,
                certificateSerials);
    }

    /**
     * Records a certificate issued under this request.
     *
     * @throws ConflictException code {@code invalid_state} unless the stored state is APPROVED;
     *                           {@code certificate_limit} past {@link #MAX_CERTIFICATES_PER_REQUEST}
     */
    public AccessRequest withCertificateSerial(String serial) {
        if (state != RequestState.APPROVED) {
            throw invalidState("record a certificate for", state);
        }
        if (certificateSerials.size() >= MAX_CERTIFICATES_PER_REQUEST) {
            throw new ConflictException("certificate_limit",
                    "request " + id + " already has " + MAX_CERTIFICATES_PER_REQUEST + " certificates");
        }
        List<String> serials = new ArrayList<>(certificateSerials);
        serials.add(serial);
        return copy(state, accessExpiresAt, reviews, resolutionReason, resolvedAt, serials);
    }

    /** The same request with a new audit chain head. */
    public AccessRequest withAuditHead(AuditHead head) {
        return new AccessRequest(id, user, roles, reason, state, createdAt, pendingExpiresAt, accessDuration,
                accessExpiresAt, thresholdsByRole, reviews, resolutionReason, resolvedAt, version, head,
                certificateSerials, postReview);
    }

    /** The same request as stored after a successful conditional write: version + 1. */
    public AccessRequest nextVersion() {
        return new AccessRequest(id, user, roles, reason, state, createdAt, pendingExpiresAt, accessDuration,
                accessExpiresAt, thresholdsByRole, reviews, resolutionReason, resolvedAt, version + 1, auditHead,
                certificateSerials, postReview);
    }

    private void requireStateAt(Instant now, RequestState required, String action) {
        RequestState current = stateAt(now);
        if (current != required) {
            throw invalidState(action, current);
        }
    }

    private ConflictException invalidState(String action, RequestState current) {
        return new ConflictException("invalid_state", "cannot " + action + " request " + id + " in state " + current);
    }

    private AccessRequest copy(RequestState newState, Optional<Instant> newAccessExpiresAt, List<Review> newReviews,
            Optional<String> newResolutionReason, Optional<Instant> newResolvedAt, List<String> newSerials) {
        return new AccessRequest(id, user, roles, reason, newState, createdAt, pendingExpiresAt, accessDuration,
                newAccessExpiresAt, thresholdsByRole, newReviews, newResolutionReason, newResolvedAt, version,
                auditHead, newSerials, postReview);
    }
}
