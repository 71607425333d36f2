package dev.airlock.app.json;

import dev.airlock.core.port.Page;
import dev.airlock.domain.policy.RequesterGuidance;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.PostReview;
import dev.airlock.domain.request.ReviewResolution;
import dev.airlock.domain.request.Review;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The access request representation of docs/API.md. */
public final class RequestJson {

    private RequestJson() {
    }

    /**
     * One request as it stands at {@code now}: an open request past its expiry reads as EXPIRED
     * even before the sweep has recorded it.
     */
    public static View of(AccessRequest stored, Instant now) {
        return of(stored, now, null);
    }

    /**
     * The request as its requester sees it on creation: with their roles' {@code request_prompt} (null
     * when none) and the suggested reviewers. Other responses carry null for both.
     */
    public static View forRequester(AccessRequest stored, Instant now, RequesterGuidance guidance) {
        return of(stored, now, guidance);
    }

    private static View of(AccessRequest stored, Instant now, RequesterGuidance guidance) {
        AccessRequest r = !stored.state().isFinal() && stored.isExpiredAt(now) ? stored.expire(now) : stored;
        return new View(r.id(), r.user(), r.roles(), r.reason(), r.state().name(), text(r.createdAt()),
                text(r.pendingExpiresAt()), Durations.format(r.accessDuration()), text(r.accessExpiresAt()),
                r.reviews().stream().map(RequestJson::review).toList(), r.resolutionReason().orElse(null),
                text(r.resolvedAt()), r.certificateSerials(), r.version(),
                guidance == null ? null : guidance.requestPrompt().orElse(null),
                guidance == null ? null : guidance.suggestedReviewers(), r.isBreakGlass(),
                r.postReview().map(p -> postReview(p, now)).orElse(null), approvals(r));
    }

    private static ApprovalsView approvals(AccessRequest r) {
        return new ApprovalsView(ReviewResolution.approvalsGiven(r.user(), r.reviews()),
                ReviewResolution.approvalsRequired(r.roles(), r.thresholdsByRole()));
    }

    private static PostReviewView postReview(PostReview p, Instant now) {
        Optional<Review> review = p.review();
        return new PostReviewView(text(p.dueAt()), p.overdueAt(now), review.map(Review::reviewer).orElse(null),
                review.map(r -> r.verdict().name()).orElse(null), review.map(Review::reason).orElse(null),
                text(review.map(Review::at)));
    }

    /** A page of requests: {@code {"items": [...], "nextCursor": "..." | null}}. */
    public static PageView page(Page<AccessRequest> page, Instant now) {
        return new PageView(page.items().stream().map(r -> of(r, now)).toList(), page.nextCursor().orElse(null));
    }

    private static ReviewView review(Review review) {
        return new ReviewView(review.reviewer(), review.verdict().name(), review.reason(), text(review.at()));
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(RequestJson::text).orElse(null);
    }

    /** ISO-8601 UTC with at most millisecond precision, as the audit records keep time. */
    private static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** docs/API.md "Access request representation", field for field and in that order. */
    public record View(String id, String user, List<String> roles, String reason, String state, String createdAt,
                       String pendingExpiresAt, String accessDuration, String accessExpiresAt,
                       List<ReviewView> reviews, String resolutionReason, String resolvedAt,
                       List<String> certificateSerials, long version, String requestPrompt,
                       List<String> suggestedReviewers, boolean breakGlass, PostReviewView postReview,
                       ApprovalsView approvals) {
    }

    /**
     * Threshold progress: {@code given} approvals that count (one per reviewer, never the requester's),
     * {@code required} to approve it (the thresholds captured when it was created).
     */
    public record ApprovalsView(int given, int required) {
    }

    /** The review a break-glass request owes; null on every other request. */
    public record PostReviewView(String dueAt, boolean overdue, String reviewedBy, String verdict, String reason,
                                 String reviewedAt) {
    }

    public record ReviewView(String reviewer, String verdict, String reason, String at) {
    }

    public record PageView(List<View> items, String nextCursor) {
    }
}
