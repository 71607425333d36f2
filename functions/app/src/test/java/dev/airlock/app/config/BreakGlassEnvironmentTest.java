package dev.airlock.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.usecase.BreakGlassSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakGlassEnvironmentTest {

    @Test
    void unset_meansThreePer24h_andReviewWithin24h() {
        assertThat(AirlockConfig.local(Map.of()).breakGlass()).isEqualTo(BreakGlassSettings.DEFAULTS);
    }

    @Test
    void set_isRead() {
        BreakGlassSettings settings = AirlockConfig.local(Map.of(EnvironmentNames.BREAK_GLASS_LIMIT, "5",
                EnvironmentNames.BREAK_GLASS_WINDOW, "12h", EnvironmentNames.POST_REVIEW_DEADLINE, "2h")).breakGlass();

        assertThat(settings.quota().limit()).isEqualTo(5);
        assertThat(settings.quota().window()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.postReviewDeadline()).isEqualTo(Duration.ofHours(2));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "AIRLOCK_BREAK_GLASS_LIMIT, 0",
        "AIRLOCK_BREAK_GLASS_LIMIT, three",
        "AIRLOCK_BREAK_GLASS_WINDOW, 0s",
        "AIRLOCK_BREAK_GLASS_WINDOW, 1y",
        "AIRLOCK_POST_REVIEW_DEADLINE, 800h",
    })
    void bad_isRefusedNamingTheVariable(String name, String value) {
        assertThatThrownBy(() -> AirlockConfig.local(Map.of(name, value)))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining(name);
    }
}
