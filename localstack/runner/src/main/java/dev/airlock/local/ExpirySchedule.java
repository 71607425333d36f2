package dev.airlock.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local EventBridge schedule: runs the {@code expire} function every minute
 * ({@link ExpiryInvoker}). A failed run is logged and the next one runs as usual, as with Lambda.
 */
public final class ExpirySchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySchedule.class);
    public static final Duration PERIOD = Duration.ofMinutes(1);

    private final ExpiryInvoker invoker;
    private final ScheduledExecutorService timer;

    private ExpirySchedule(ExpiryInvoker invoker) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "airlock-expiry-schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the schedule: first run one period from now, then every {@link #PERIOD}. */
    public static ExpirySchedule start(ExpiryInvoker invoker) {
        ExpirySchedule schedule = new ExpirySchedule(invoker);
        schedule.timer.scheduleAtFixedRate(schedule::runSafely, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runSafely() {
        try {
            invoker.runOnce();
        } catch (RuntimeException e) {
            LOG.warn("expiry run failed: {}: {}", e.getClass().getName(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
