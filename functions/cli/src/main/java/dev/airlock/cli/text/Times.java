package dev.airlock.cli.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Server instants (ISO-8601, UTC) as people read them, always in UTC. */
public final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2026-11-07 19:38}; text that is not an instant is returned as it is. */
    public static String minute(String instant) {
        return format(MINUTE, instant);
    }

    /** {@code 2026-11-07 19:38:12 UTC}. */
    public static String second(String instant) {
        return format(SECOND, instant);
    }

    /** {@code 2026-11-07 19:38 UTC}. */
    public static String minuteUtc(String instant) {
        return format(DAY_CLOCK, instant);
    }

    /** {@code 20:38 UTC} when {@code instant} falls on {@code today} (UTC), else with the date. */
    public static String until(String instant, LocalDate today) {
        try {
            Instant at = Instant.parse(instant);
            boolean sameDay = at.atZone(ZoneOffset.UTC).toLocalDate().equals(today);
            return (sameDay ? CLOCK : DAY_CLOCK).format(at);
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String format(DateTimeFormatter formatter, String instant) {
        if (instant == null) {
            return "";
        }
        try {
            return formatter.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }
}
