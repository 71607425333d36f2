package dev.airlock.app.json;

import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.GoDuration;

import java.time.Duration;
import java.util.Optional;

/** Durations in the HTTP API: Teleport (Go) syntax in, the shortest Go form out ({@code 2h}, {@code 1h30m}). */
public final class Durations {

    private Durations() {
    }

    /**
     * Parses an optional duration field.
     *
     * @throws InvalidRequestException code {@code invalid_duration} naming the field
     */
    public static Optional<Duration> parse(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GoDuration.parse(text));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_duration",
                    "field '" + field + "' must be a duration such as 90s, 30m, 2h or 1h30m");
        }
    }

    /** {@code 2h}, {@code 1h30m}, {@code 45s}: Go's form without zero units; sub-second as Go writes it. */
    public static String format(Duration duration) {
        if (duration.toNanosPart() != 0 || duration.isZero()) {
            return GoDuration.format(duration);
        }
        StringBuilder out = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            out.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            out.append(duration.toSecondsPart()).append('s');
        }
        return out.toString();
    }
}
