package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

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

    @Property
    void format_thenParse_roundTrips(@ForAll @LongRange(min = 0, max = 10_000_000) long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        assertThat(GoDuration.parse(GoDuration.format(d))).isEqualTo(d);
    }
}
