package dev.airlock.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * TEST ONLY: a clock that stands still until the test moves it, so expiry is tested by moving time,
 * never by sleeping. Thread-safe; clocks made by {@link #withZone} share the same time.
 */
public final class MutableClock extends Clock {

    /** A fixed, arbitrary start for tests that do not care when "now" is. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-07T19:38:02.113Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public static MutableClock at(Instant start) {
        return new MutableClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    public static MutableClock startingNow() {
        return at(DEFAULT_START);
    }

    /** Moves the clock forward (or back, for a negative amount) and returns the new now. */
    public Instant advance(Duration amount) {
        return now.updateAndGet(t -> t.plus(amount));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MutableClock(now, newZone);
    }
}
