package dev.airlock.domain.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The obligation a break-glass request carries (docs/ROLES.md "Break-glass"): it was approved without a
 * reviewer, so a reviewer of its roles must review it afterwards, by {@code dueAt}. An approving review
 * confirms it; a denying one is a finding and revokes it.
 *
 * @param dueAt          when the post-review is due
 * @param review         the post-review, once given
 * @param overdueRecorded whether the sweep has recorded (audited, and so notified) that it is overdue: once
 *                       per request
 */
public record PostReview(Instant dueAt, Optional<Review> review, boolean overdueRecorded) {

    public PostReview {
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(review, "review");
    }

    /** A post-review whose overdue state is not recorded (yet). */
    public PostReview(Instant dueAt, Optional<Review> review) {
        this(dueAt, review, false);
    }

    /** The same obligation, its overdue state recorded. */
    public PostReview withOverdueRecorded() {
        return new PostReview(dueAt, review, true);
    }

    /** An obligation not yet met. */
    public static PostReview due(Instant dueAt) {
        return new PostReview(dueAt, Optional.empty());
    }

    /** Whether a reviewer has reviewed the request afterwards. */
    public boolean done() {
        return review.isPresent();
    }

    /** Whether the post-review is missing at {@code now}, past its deadline. */
    public boolean overdueAt(Instant now) {
        return review.isEmpty() && !now.isBefore(dueAt);
    }
}
