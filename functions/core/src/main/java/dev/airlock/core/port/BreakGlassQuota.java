package dev.airlock.core.port;

import dev.airlock.domain.error.ThrottledException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The per-user break-glass rate limit (docs/API.md "Break-glass"): at most {@code limit} break-glass
 * requests by one user within any {@code window}. Enforced by the store in the same transaction that
 * creates the request, so concurrent requests cannot all slip under it.
 *
 * @param limit  most break-glass requests per user within the window, at least 1
 * @param window the sliding window
 */
public record BreakGlassQuota(int limit, Duration window) {

    /** The problem code of a refused break-glass request (HTTP 429). */
    public static final String RATE_LIMITED = "break_glass_rate_limited";

    /** Default: 3 per 24 h. */
    public static final BreakGlassQuota DEFAULT = new BreakGlassQuota(3, Duration.ofHours(24));

    public BreakGlassQuota {
        Objects.requireNonNull(window, "window");
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("break-glass limit and window must be positive");
        }
    }

    /** The open times still inside the window ending at {@code now}, oldest first. */
    public List<Instant> recent(List<Instant> openedAt, Instant now) {
        Instant from = now.minus(window);
        return openedAt.stream().filter(t -> t.isAfter(from)).sorted().toList();
    }

    /**
     * Refuses a new break-glass request at {@code now} when {@code recent} (inside the window, oldest first)
     * already holds the limit; Retry-After is when the oldest of them falls out of the window.
     *
     * @throws ThrottledException code {@value #RATE_LIMITED}
     */
    public void check(List<Instant> recent, Instant now) {
        if (recent.size() < limit) {
            return;
        }
        Instant frees = recent.get(recent.size() - limit).plus(window);
        throw new ThrottledException(RATE_LIMITED, "at most " + limit + " break-glass requests per "
                + window.toHours() + " h; the next is possible at " + frees, Duration.between(now, frees));
    }
}
