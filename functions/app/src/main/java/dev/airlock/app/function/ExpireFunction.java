package dev.airlock.app.function;

import dev.airlock.app.logging.EmbeddedMetric;
import dev.airlock.core.usecase.ExpireRequests;
import dev.airlock.core.usecase.PostReviewQueue;
import dev.airlock.core.usecase.SweepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code expire}: run by the EventBridge schedule every minute. The scheduled event carries nothing
 * the sweep needs, so it is taken as a plain map and ignored; any invocation runs one bounded,
 * idempotent sweep. Returns a small summary (also logged).
 */
public final class ExpireFunction implements Function<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ExpireFunction.class);

    /** The metric the CDK stack alarms on: break-glass requests past their post-review deadline. */
    public static final String OVERDUE_POST_REVIEWS = PostReviewQueue.OVERDUE_METRIC;

    private final ExpireRequests expireRequests;
    private final Optional<PostReviewQueue> postReviews;
    private final EmbeddedMetric metrics;
    private final Clock clock;

    /** A sweep that reports no post-review metric. */
    public ExpireFunction(ExpireRequests expireRequests) {
        this.expireRequests = Objects.requireNonNull(expireRequests, "expireRequests");
        this.postReviews = Optional.empty();
        this.metrics = new EmbeddedMetric(System.out);
        this.clock = Clock.systemUTC();
    }

    /** A sweep that also counts overdue break-glass post-reviews as {@value #OVERDUE_POST_REVIEWS} (EMF). */
    public ExpireFunction(ExpireRequests expireRequests, PostReviewQueue postReviews, EmbeddedMetric metrics,
                          Clock clock) {
        this.expireRequests = Objects.requireNonNull(expireRequests, "expireRequests");
        this.postReviews = Optional.of(postReviews);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> scheduledEvent) {
        SweepResult result = expireRequests.run();
        LOG.info("expiry sweep: overdue={} expired={} skipped={} conflicts={}", result.overdue(), result.expired(),
                result.skipped(), result.conflicts());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("overdue", result.overdue());
        summary.put("expired", result.expired());
        summary.put("skipped", result.skipped());
        summary.put("conflicts", result.conflicts());
        summary.put("moreWork", result.moreWork());
        postReviews.ifPresent(queue -> {
            Instant now = clock.instant();
            // recording changes no deadline, and the reminder goes out through the audit stream
            PostReviewQueue.Sweep sweep = queue.sweep(now);
            metrics.count(OVERDUE_POST_REVIEWS, sweep.overdue(), now);
            summary.put("overduePostReviews", sweep.overdue());
            if (sweep.recorded() > 0) {
                LOG.info("post-reviews newly overdue: {} (request.post_review_overdue recorded)", sweep.recorded());
            }
        });
        return summary;
    }
}
