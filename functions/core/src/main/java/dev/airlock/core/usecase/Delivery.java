package dev.airlock.core.usecase;

import dev.airlock.core.notify.DeliveryException;
import dev.airlock.core.notify.NotificationEvent;
import dev.airlock.core.notify.NotificationTarget;
import dev.airlock.core.port.NotificationSender;
import dev.airlock.core.retry.RetryPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Delivers one event to one target with retries inside the batch: a retryable failure (timeout, 5xx,
 * 429) is tried again after a full-jitter backoff ({@link RetryPolicy}); a refusal (another 4xx) is not.
 * The event, and so its idempotency key, is the same on every attempt.
 */
public final class Delivery {

    /**
     * Five attempts, pauses up to 0.5 s, 1 s, 2 s, 4 s: a receiver that is down for a few seconds still
     * gets the event in this batch; one that stays down costs the batch about 8 s plus the timeouts, after
     * which the change is reported failed and the event source mapping (then its DLQ) takes over.
     */
    public static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(4),
            RetryPolicy.Sleeper.THREAD, bound -> ThreadLocalRandom.current().nextLong(bound + 1));

    private final NotificationSender sender;
    private final RetryPolicy policy;
    private final Consumer<String> log;

    /** @param log receives one line per failed attempt and per outcome (no URL, secret or signature) */
    public Delivery(NotificationSender sender, RetryPolicy policy, Consumer<String> log) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Whether {@code target} accepted {@code event} within the policy's attempts, starting no attempt once
     * {@code deadline} has passed (so a batch ends inside the function's timeout; the change is then
     * reported failed and redelivered).
     */
    public boolean deliver(NotificationTarget target, NotificationEvent event, Deadline deadline) {
        String what = event.type() + " " + event.key().chain() + "/" + event.key().seq() + " to '" + target.name() + "'";
        try {
            return policy.run(number -> attempt(target, event, what, number, deadline), () -> new Exhausted(what));
        } catch (Exhausted e) {
            log.accept("notify: gave up on " + what + " after " + policy.maxAttempts() + " attempts");
            return false;
        } catch (Refused e) {
            log.accept("notify: " + what + " refused, not retried: " + e.getMessage());
            return false;
        } catch (OutOfTime e) {
            log.accept("notify: out of time for this batch before attempt " + e.getMessage() + " of " + what);
            return false;
        }
    }

    /** When a batch must stop starting calls. */
    @FunctionalInterface
    public interface Deadline {
        boolean passed();
    }

    private Optional<Boolean> attempt(NotificationTarget target, NotificationEvent event, String what, int number,
                                      Deadline deadline) {
        if (deadline.passed()) {
            throw new OutOfTime(Integer.toString(number));
        }
        try {
            sender.send(target, event);
            log.accept("notify: delivered " + what + " (attempt " + number + ")");
            return Optional.of(true);
        } catch (DeliveryException e) {
            log.accept("notify: attempt " + number + " of " + what + " failed: " + e.getMessage());
            if (!e.retryable()) {
                throw new Refused(e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static final class Exhausted extends RuntimeException {
        Exhausted(String what) {
            super(what, null, false, false);
        }
    }

    private static final class OutOfTime extends RuntimeException {
        OutOfTime(String attempt) {
            super(attempt, null, false, false);
        }
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
