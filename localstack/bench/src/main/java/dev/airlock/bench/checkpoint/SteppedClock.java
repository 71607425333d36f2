package dev.airlock.bench.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** BENCH ONLY: a clock the bench moves past the checkpoint interval, so a checkpoint falls due when it says. */
final class SteppedClock extends Clock {

    private final AtomicReference<Instant> now;

    SteppedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void step(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the bench's clock is UTC only");
    }
}
