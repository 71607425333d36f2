package dev.airlock.endpoints;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the embedded server injects before it runs an operation, switchable at run time and safe
 * to change from any thread while requests are in flight.
 *
 * <p>A <em>target</em> selects the operations a fault applies to:
 * <ul>
 *   <li>{@code "*"}: every operation of every service;</li>
 *   <li>a full {@code X-Amz-Target}, e.g. {@code "DynamoDB_20120810.TransactWriteItems"};</li>
 *   <li>a prefix ending in {@code *}, e.g. {@code "DynamoDB_20120810.*"} or {@code "TrentService.Sig*"};</li>
 *   <li>a service prefix alone, e.g. {@code "TrentService"}, meaning all of its operations.</li>
 * </ul>
 *
 * <p>Counted faults ({@link #throttle}, {@link #serverError}) fail exactly the next {@code n} matching
 * calls, then stop. Latency applies to every matching call until {@link #clear()}. Remember that the
 * AWS SDK retries throttling and 5xx errors by default: a test that asserts on a fault builds its
 * client with retries disabled (or counts the retries).
 */
public final class FaultInjector {

    /** What a counted fault raises. */
    enum Kind { THROTTLE, SERVER_ERROR }

    private record CountedFault(String target, Kind kind, AtomicInteger remaining) {
    }

    private record Latency(String target, Duration delay) {
    }

    private final List<CountedFault> counted = new CopyOnWriteArrayList<>();
    private final List<Latency> latencies = new CopyOnWriteArrayList<>();

    /**
     * The next {@code calls} operations matching {@code target} fail with the service's throttling
     * error (DynamoDB: {@code ThrottlingException} for transactions and control-plane operations,
     * {@code ProvisionedThroughputExceededException} for single-item reads and writes, queries and
     * scans; KMS: {@code ThrottlingException}).
     */
    public FaultInjector throttle(String target, int calls) {
        return addCounted(target, Kind.THROTTLE, calls);
    }

    /** The next {@code calls} operations matching {@code target} fail with HTTP 500 (DynamoDB: {@code InternalServerError}). */
    public FaultInjector serverError(String target, int calls) {
        return addCounted(target, Kind.SERVER_ERROR, calls);
    }

    /** Every operation matching {@code target} waits {@code delay} before it runs, until {@link #clear()}. */
    public FaultInjector latency(String target, Duration delay) {
        Objects.requireNonNull(target, "target");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        latencies.add(new Latency(target, delay));
        return this;
    }

    /** Removes every fault. */
    public FaultInjector clear() {
        counted.clear();
        latencies.clear();
        return this;
    }

    private FaultInjector addCounted(String target, Kind kind, int calls) {
        Objects.requireNonNull(target, "target");
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative: " + calls);
        }
        counted.add(new CountedFault(target, kind, new AtomicInteger(calls)));
        return this;
    }

    /** The summed latency configured for {@code amzTarget}. */
    Duration latencyFor(String amzTarget) {
        Duration total = Duration.ZERO;
        for (Latency latency : latencies) {
            if (matches(latency.target(), amzTarget)) {
                total = total.plus(latency.delay());
            }
        }
        return total;
    }

    /** Consumes one matching counted fault, if any is left, and says which kind it was. */
    Optional<Kind> takeFault(String amzTarget) {
        for (CountedFault fault : counted) {
            if (matches(fault.target(), amzTarget) && tryDecrement(fault.remaining())) {
                return Optional.of(fault.kind());
            }
        }
        return Optional.empty();
    }

    private static boolean tryDecrement(AtomicInteger remaining) {
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    static boolean matches(String pattern, String amzTarget) {
        if (pattern.equals("*") || pattern.equals(amzTarget)) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return amzTarget.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return amzTarget.startsWith(pattern + ".");
    }
}
