package dev.airlock.aws.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Fixed-width ISO-8601 renderings for index sort keys. {@link Instant#toString()} drops trailing
 * zero fractions ({@code ...:00Z} vs {@code ...:00.500Z}), and 'Z' sorts after '.', so its strings do
 * not sort by time; DynamoDB compares string sort keys byte by byte (Query API reference).
 */
final class SortableTime {

    private static final DateTimeFormatter NANOS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    /** {@code 2025-01-31T12:00:00.500000000Z}: every instant in years 0000-9999 has the same width. */
    static String nanos(Instant instant) {
        return NANOS.format(instant);
    }

    /** The UTC day, {@code 2025-01-31}. */
    static String day(Instant instant) {
        return DAY.format(instant);
    }
}
