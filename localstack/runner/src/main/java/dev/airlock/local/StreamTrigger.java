package dev.airlock.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link StreamPoller} on its own thread: right away while records keep coming, every
 * {@code pollInterval} while the stream is idle (no busy polling), and after a failure with a backoff
 * doubling from {@code pollInterval} up to {@code maxBackoff}. {@link #start} first drains what the
 * stream already holds, so a started trigger has delivered it.
 */
final class StreamTrigger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTrigger.class);
    /** Batches delivered synchronously at start, at most: a large backlog continues on the thread. */
    private static final int DRAIN_AT_START = 100;

    private final StreamPoller poller;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final ScheduledExecutorService thread;
    private Duration backoff;

    private StreamTrigger(StreamPoller poller, Duration pollInterval, Duration maxBackoff) {
        this.poller = Objects.requireNonNull(poller, "poller");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.backoff = pollInterval;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "airlock-" + poller.function() + "-stream");
            t.setDaemon(true);
            return t;
        });
    }

    static StreamTrigger start(StreamPoller poller, Duration pollInterval, Duration maxBackoff) {
        StreamTrigger trigger = new StreamTrigger(poller, pollInterval, maxBackoff);
        for (int i = 0; i < DRAIN_AT_START && trigger.step() == StreamPoller.Step.DELIVERED; i++) {
            // deliver the backlog before start returns
        }
        trigger.thread.execute(trigger::run);
        return trigger;
    }

    private void run() {
        Duration delay = switch (step()) {
            case DELIVERED -> Duration.ZERO;
            case IDLE -> pollInterval;
            case FAILED -> backoff;
        };
        if (!thread.isShutdown()) {
            thread.schedule(this::run, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private StreamPoller.Step step() {
        StreamPoller.Step step;
        try {
            step = poller.pollOnce();
        } catch (RuntimeException e) {
            LOG.warn("{} stream poll failed: {}: {}", poller.function(), e.getClass().getName(), e.getMessage());
            step = StreamPoller.Step.FAILED;
        }
        backoff = step == StreamPoller.Step.FAILED ? min(backoff.multipliedBy(2), maxBackoff) : pollInterval;
        return step;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
