package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.PostReview;
import dev.airlock.domain.request.RequestState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The break-glass requests still owed a post-review, soonest due first. A break-glass request is APPROVED,
 * EXPIRED or REVOKED (stored state) while its review is outstanding, so the state index is read newest
 * first for those three states, back to {@link #LOOKBACK} before now: the configured deadline is at most
 * 31 days (AirlockConfig), so an older request cannot be outstanding unless it was never reviewed for a
 * month, which the overdue metric and its alarm will long have reported. Bounded by
 * {@link #MAX_READS_PER_STATE} index pages per state.
 */
public final class PostReviewQueue {

    /** CloudWatch namespace of Airlock's own metrics (the expire function's EMF line, the CDK alarm). */
    public static final String METRIC_NAMESPACE = "Airlock";

    /** The metric counting overdue post-reviews, logged by the expire function each run; the stack alarms on it. */
    public static final String OVERDUE_METRIC = "OverduePostReviews";

    /** How far back requests are read: longer than the longest configurable post-review deadline. */
    public static final Duration LOOKBACK = Duration.ofDays(32);

    /** Most index pages read per state in one call. */
    public static final int MAX_READS_PER_STATE = 20;

    private static final List<RequestState> STATES =
            List.of(RequestState.APPROVED, RequestState.EXPIRED, RequestState.REVOKED);

    private final AccessRequestStore store;

    public PostReviewQueue(AccessRequestStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Every outstanding post-review found, soonest due first. */
    public List<AccessRequest> outstanding(Instant now) {
        Instant oldest = now.minus(LOOKBACK);
        List<AccessRequest> found = new ArrayList<>();
        for (RequestState state : STATES) {
            Optional<String> cursor = Optional.empty();
            for (int read = 0; read < MAX_READS_PER_STATE; read++) {
                Page<AccessRequest> page = store.listByState(state, new PageRequest(PageRequest.MAX_SIZE, cursor));
                page.items().stream()
                        .filter(r -> r.postReview().map(p -> !p.done()).orElse(false))
                        .forEach(found::add);
                cursor = page.nextCursor();
                boolean pastLookback = page.items().stream().anyMatch(r -> r.createdAt().isBefore(oldest));
                if (cursor.isEmpty() || pastLookback) {
                    break;
                }
            }
        }
        found.sort(Comparator.comparing((AccessRequest r) -> r.postReview().map(PostReview::dueAt).orElseThrow())
                .thenComparing(AccessRequest::id));
        return found;
    }

    /**
     * Records each outstanding post-review past its deadline at {@code now} that is not yet recorded: one
     * {@code request.post_review_overdue} audit record per request, ever (so the notifier sends the
     * reminder once). Idempotent: a request already marked, or changed by someone else meanwhile, is skipped.
     *
     * @return how many were recorded by this call
     */
    public int recordOverdue(Instant now) {
        return new OverduePostReviews(store).record(outstanding(now), now);
    }

    /** What one expiry run did with the queue: how many are overdue, how many of them were newly recorded. */
    public record Sweep(int overdue, int recorded) {
    }

    /**
     * {@link #overdueCount} and {@link #recordOverdue} over one read of the queue: the expire function
     * runs every minute, and each read lists three states' partitions.
     */
    public Sweep sweep(Instant now) {
        List<AccessRequest> outstanding = outstanding(now);
        int overdue = (int) outstanding.stream().filter(r -> r.isPostReviewOverdueAt(now)).count();
        return new Sweep(overdue, new OverduePostReviews(store).record(outstanding, now));
    }

    /** How many outstanding post-reviews are past their deadline at {@code now}. */
    public int overdueCount(Instant now) {
        return (int) outstanding(now).stream().filter(r -> r.isPostReviewOverdueAt(now)).count();
    }
}
