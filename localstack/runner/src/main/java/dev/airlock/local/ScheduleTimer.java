package dev.airlock.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local EventBridge schedule of one scheduled function: runs it at its catalogue rate
 * ({@link ScheduledInvoker}). A failed run is logged and the next one runs as usual, as with Lambda.
 */
public final class ScheduleTimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTimer.class);

    private final ScheduledInvoker invoker;
    private final ScheduledExecutorService timer;

    private ScheduleTimer(ScheduledInvoker invoker) {
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, invoker.ruleName() + "-schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the schedule: first run one {@code period} from now, then every {@code period}. */
    public static ScheduleTimer start(ScheduledInvoker invoker, Duration period) {
        ScheduleTimer schedule = new ScheduleTimer(invoker);
        schedule.timer.scheduleAtFixedRate(schedule::runSafely, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runSafely() {
        try {
            invoker.runOnce();
        } catch (RuntimeException e) {
            LOG.warn("{} run failed: {}: {}", invoker.ruleName(), e.getClass().getName(), e.getMessage());
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
