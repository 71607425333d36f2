package dev.airlock.cli.login;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;

import java.time.Duration;
import java.util.Optional;

/**
 * How long {@code login} pauses between polls: backing off 1 s, 2 s, 4 s … 10 s, or a fixed
 * interval from {@code AIRLOCK_POLL_INTERVAL} (seconds, may be fractional).
 */
public final class PollInterval {

    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(10);

    private final Optional<Duration> fixed;
    private Duration next = FIRST;

    private PollInterval(Optional<Duration> fixed) {
        this.fixed = fixed;
    }

    public static PollInterval of(Optional<String> setting) {
        if (setting.isEmpty()) {
            return new PollInterval(Optional.empty());
        }
        String text = setting.get();
        if (!text.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+") || !text.matches(".*[1-9].*")) {
            throw new CliException(Exit.USAGE, "AIRLOCK_POLL_INTERVAL must be a positive number of seconds, was '" + text + "'");
        }
        return new PollInterval(Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e9))));
    }

    /** The next pause. */
    public Duration next() {
        if (fixed.isPresent()) {
            return fixed.get();
        }
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return pause;
    }
}
