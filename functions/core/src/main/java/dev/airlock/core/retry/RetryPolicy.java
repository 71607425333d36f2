package dev.airlock.core.retry;

import dev.airlock.domain.error.InternalException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * The one retry policy for a write that lost a race (a compare-and-swap whose condition failed, a
 * transaction another one cancelled): a bounded number of attempts with "full jitter" pauses between
 * them — a random pause in {@code [0, min(cap, base · 2^(n-1))]} after attempt {@code n} — so writers
 * that collided spread out instead of colliding again. Bounded because a retry is cheap and a livelock
 * is not: after the last attempt the caller gets a conflict (HTTP 409) and may try again.
 *
 * <p>Only what an attempt reports as a lost race (an empty result) is retried; anything it throws
 * propagates at once.
 */
public final class RetryPolicy {

    /** The policy every lost-race retry in Airlock uses. */
    public static final RetryPolicy LOST_RACE =
            new RetryPolicy(6, Duration.ofMillis(5), Duration.ofMillis(100), Sleeper.THREAD, RetryPolicy::jitter);

    /** One attempt: the result, or empty when it lost a race and should be tried again. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** @param number 1 for the first attempt */
        Optional<T> run(int number);
    }

    /** Pauses between attempts (a test passes one that records instead of sleeping). */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper THREAD = millis -> Thread.sleep(millis);

        void sleep(long millis) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final Sleeper sleeper;
    private final LongUnaryOperator jitter;

    /**
     * @param jitter maps an upper bound {@code b} to a pause in {@code [0, b]}
     */
    public RetryPolicy(int maxAttempts, Duration base, Duration cap, Sleeper sleeper, LongUnaryOperator jitter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The same limits, with another sleeper and jitter (for tests). */
    public RetryPolicy with(Sleeper otherSleeper, LongUnaryOperator otherJitter) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(baseMillis), Duration.ofMillis(capMillis),
                otherSleeper, otherJitter);
    }

    /**
     * Runs {@code attempt} until it returns a result, at most {@link #maxAttempts()} times.
     *
     * @param exhausted the error after the last lost race (a conflict, typically)
     */
    public <T> T run(Attempt<T> attempt, Supplier<? extends RuntimeException> exhausted) {
        for (int number = 1; number <= maxAttempts; number++) {
            Optional<T> result = attempt.run(number);
            if (result.isPresent()) {
                return result.get();
            }
            if (number < maxAttempts) {
                pause(number);
            }
        }
        throw exhausted.get();
    }

    /** The upper bound of the pause after attempt {@code number}: {@code min(cap, base · 2^(number-1))}. */
    long bound(int number) {
        long grown = baseMillis << Math.min(number - 1, 20);
        return Math.min(capMillis, grown);
    }

    private void pause(int number) {
        long millis = jitter.applyAsLong(bound(number));
        if (millis <= 0) {
            return;
        }
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException("interrupted", "interrupted while retrying a write", e);
        }
    }

    private static long jitter(long bound) {
        return ThreadLocalRandom.current().nextLong(bound + 1);
    }
}
