package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    /** Surefire names a failing case by its index only; this puts the case's name ("seed 17", "edge ...") first. */
    @RegisterExtension
    static final TestExecutionExceptionHandler NAME_THE_FAILING_CASE = (context, failure) -> {
        throw new AssertionError(context.getDisplayName() + " failed: " + failure, failure);
    };

    @ParameterizedTest
    @CsvSource({
        "8h, PT8H",
        "30m, PT30M",
        "1h30m, PT1H30M",
        "90s, PT1M30S",
        "1.5h, PT1H30M",
        "500ms, PT0.5S",
        "2h45m30s, PT2H45M30S",
        "0, PT0S",
        "1h0m0s, PT1H",
    })
    void parse_acceptsGoSyntax(String text, String iso) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "8x", "h", "-1h", "+1h", "1h 30m", "1H", "8 h", "P1D", "1d", "1h30", "9999999999h"})
    void parse_rejectsOtherText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> GoDuration.parse(text))
                .withMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"PT8H, 8h0m0s", "PT1M30S, 1m30s", "PT45S, 45s", "PT0S, 0s", "PT1H0M5S, 1h0m5s"})
    void format_writesGoStyle(String iso, String text) {
        assertThat(GoDuration.format(Duration.parse(iso))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 59, 60, 61, 3_599, 3_600, 3_601, 86_399, 86_400, 9_999_999, 10_000_000})
    void format_thenParse_roundTrips(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        assertThat(GoDuration.parse(GoDuration.format(d))).isEqualTo(d);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void format_thenParse_roundTrips_forRandomDurations(long seed) {
        format_thenParse_roundTrips(randomSeconds(new SplittableRandom(seed)));
    }

    /**
     * 1,000 seeds, 0..999, so every run checks the same durations and a failure reproduces from the seed
     * in its name; {@code -Dairlock.seed.base=N} explores seeds N..N+999 instead.
     */
    static LongStream seeds() {
        long base = Long.getLong("airlock.seed.base", 0L);
        return LongStream.range(base, base + 1_000);
    }

    /** 0 to 10,000,000 seconds (about 16 weeks): half of them under a day, where the units change most. */
    private static long randomSeconds(SplittableRandom random) {
        return random.nextLong(0, random.nextBoolean() ? 86_401 : 10_000_001);
    }
}
