package dev.airlock.domain.policy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.Role;
import dev.airlock.domain.role.RoleSet;
import dev.airlock.domain.text.FreeText;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Who may review what (docs/ARCHITECTURE.md "Domain"): the reviewer must hold a base role whose
 * {@code allow.review_requests.roles} covers every requested role, and no base role of theirs may list
 * a requested role in {@code deny.review_requests.roles} (deny beats allow). Nobody reviews their own
 * request (two-person rule), and each reviewer reviews once.
 *
 * <p>A break-glass request (approved without a reviewer) is reviewed afterwards by the same rule: an
 * approval confirms it, a denial revokes it ({@link AccessRequest#applyPostReview}).
 *
 * <p>Checks run in this order so a caller learns nothing about a request they may not review:
 * self-review, permission, then the request's state, then a repeated review.
 */
public final class ReviewPolicy {

    private final RoleSet roles;
    private final Clock clock;

    public ReviewPolicy(RoleSet roles, Clock clock) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the reviewer's roles let them review this request (ignores state and earlier reviews). */
    public boolean mayReview(Identity reviewer, AccessRequest request) {
        if (reviewer.user().equals(request.user())) {
            return false;
        }
        return mayReviewRoles(reviewer, request.roles());
    }

    /**
     * Whether some base role of the reviewer allows reviewing every one of {@code reviewed} and none
     * denies any of them; says nothing about whose request or certificate it is.
     */
    public boolean mayReviewRoles(Identity reviewer, Collection<String> reviewed) {
        if (reviewed.isEmpty()) {
            return false;
        }
        List<Role> held = reviewer.roles().stream().map(roles::require).toList();
        boolean denied = held.stream()
                .anyMatch(r -> reviewed.stream().anyMatch(r.deny().reviewRequests().roles()::contains));
        boolean allowed = held.stream()
                .anyMatch(r -> r.allow().reviewRequests().roles().containsAll(reviewed));
        return allowed && !denied;
    }

    /**
     * The roles whose requests {@code reviewer} may review: each one alone passes {@link #mayReviewRoles}
     * (a base role allows it, none denies it). Sorted; a request for several roles also needs one base
     * role covering them all.
     */
    public List<String> reviewableRoles(Identity reviewer) {
        Objects.requireNonNull(reviewer, "reviewer");
        TreeSet<String> named = new TreeSet<>();
        reviewer.roles().stream().map(roles::require).forEach(r -> named.addAll(r.allow().reviewRequests().roles()));
        return named.stream().filter(role -> mayReviewRoles(reviewer, List.of(role))).toList();
    }

    /**
     * Refuses a review that may not be submitted now.
     *
     * @throws AccessDeniedException code {@code self_review} for the requester, {@code not_reviewer} when
     *                               the reviewer's roles do not cover every requested role
     * @throws ConflictException     code {@code invalid_state} when the request is not PENDING now,
     *                               {@code already_reviewed} on a second review
     */
    public void checkReview(Identity reviewer, AccessRequest request) {
        checkReview(reviewer, request, clock.instant());
    }

    private void checkReview(Identity reviewer, AccessRequest request, Instant now) {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(request, "request");
        if (reviewer.user().equals(request.user())) {
            throw new AccessDeniedException("self_review", "you cannot review your own request");
        }
        if (!mayReview(reviewer, request)) {
            throw new AccessDeniedException("not_reviewer",
                    "your roles do not allow reviewing requests for " + request.roles());
        }
        if (request.isBreakGlass()) {
            checkPostReview(reviewer, request);
            return;
        }
        RequestState state = request.stateAt(now);
        if (state != RequestState.PENDING) {
            throw new ConflictException("invalid_state",
                    "request " + request.id() + " is " + state + " and can no longer be reviewed");
        }
        if (request.hasReviewFrom(reviewer.user())) {
            throw new ConflictException("already_reviewed", "you have already reviewed request " + request.id());
        }
    }

    /** A break-glass request is reviewed once, afterwards, whatever its state (AccessRequest#applyPostReview). */
    private static void checkPostReview(Identity reviewer, AccessRequest request) {
        if (request.postReview().orElseThrow().done()) {
            throw new ConflictException("already_reviewed", "break-glass request " + request.id()
                    + " was already reviewed afterwards");
        }
    }

    /**
     * Checks and applies a review at the clock's now; the result may be APPROVED, DENIED or still PENDING.
     *
     * @param reason the reviewer's reason, may be null or empty
     * @throws InvalidRequestException code {@code reason_too_long}, or {@code unsafe_text} (see {@link FreeText})
     * @see #checkReview for the other failures
     */
    public AccessRequest review(Identity reviewer, AccessRequest request, Verdict verdict, String reason) {
        Objects.requireNonNull(verdict, "verdict");
        FreeText.requireDisplayable(RequestPolicy.REASON_FIELD, reason);
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.length() > Review.MAX_REASON_LENGTH) {
            throw new InvalidRequestException("reason_too_long",
                    "review reason is longer than " + Review.MAX_REASON_LENGTH + " characters");
        }
        Instant now = clock.instant();
        checkReview(reviewer, request, now);
        Review review = new Review(reviewer.user(), verdict, trimmed, now);
        return request.isBreakGlass() ? request.applyPostReview(review, now) : request.applyReview(review, now);
    }
}
