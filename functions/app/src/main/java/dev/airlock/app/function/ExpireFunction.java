package dev.airlock.app.function;

import dev.airlock.core.usecase.ExpireRequests;
import dev.airlock.core.usecase.SweepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code expire}: run by the EventBridge schedule every minute. The scheduled event carries nothing
 * the sweep needs, so it is taken as a plain map and ignored; any invocation runs one bounded,
 * idempotent sweep. Returns a small summary (also logged).
 */
public final class ExpireFunction implements Function<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(ExpireFunction.class);

    private final ExpireRequests expireRequests;

    public ExpireFunction(ExpireRequests expireRequests) {
        this.expireRequests = Objects.requireNonNull(expireRequests, "expireRequests");
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
        return summary;
    }
}
