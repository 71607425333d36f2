package dev.airlock.domain.role;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Go's {@code time.ParseDuration} syntax, which Teleport role files use: a sequence of
 * decimal numbers, each with an optional fraction and a unit ({@code ns, us, µs, ms, s, m, h}), e.g.
 * {@code 8h}, {@code 30m}, {@code 1h30m}, {@code 1.5h}, {@code 90s}. Signs are not accepted because
 * no Airlock duration may be negative; a bare {@code 0} is accepted as Go does.
 */
public final class GoDuration {

    private static final Pattern TERM = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * Parses a Go duration.
     *
     * @throws IllegalArgumentException with a message quoting the text when it is not one (or overflows
     *                                  Go's range of about 292 years)
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = TERM.matcher(text);
        BigDecimal nanos = BigDecimal.ZERO;
        int end = 0;
        while (end < text.length() && m.find(end) && m.start() == end) {
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(m.group(2)))));
            end = m.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new IllegalArgumentException(
                    "invalid duration '" + text + "' (expected Go syntax such as 8h, 30m, 1h30m or 90s)");
        }
        BigInteger whole = nanos.toBigInteger();
        if (whole.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("duration '" + text + "' is too long");
        }
        return Duration.ofNanos(whole.longValueExact());
    }

    /** Formats like Go's {@code Duration.String} for whole seconds and above: {@code 1h30m0s}, {@code 90s} → {@code 1m30s}. */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        int nanos = duration.toNanosPart();
        StringBuilder out = new StringBuilder();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        if (nanos == 0) {
            out.append(seconds).append('s');
        } else {
            out.append(BigDecimal.valueOf(seconds).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros().toPlainString())
                    .append('s');
        }
        return out.toString();
    }
}
