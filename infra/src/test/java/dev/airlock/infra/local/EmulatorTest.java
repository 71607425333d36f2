package dev.airlock.infra.local;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorTest {

    @Test
    void localStackWhenATokenIsAvailableElseFloci() {
        assertThat(Emulator.choose(Map.of("LOCALSTACK_AUTH_TOKEN", "ls-123"))).isEqualTo(Emulator.LOCALSTACK);
        assertThat(Emulator.choose(Map.of("LOCALSTACK_AUTH_TOKEN", " "))).isEqualTo(Emulator.FLOCI);
        assertThat(Emulator.choose(Map.of())).isEqualTo(Emulator.FLOCI);
    }

    @Test
    void explicitChoiceWins() {
        assertThat(Emulator.choose(Map.of("AIRLOCK_EMULATOR", "floci", "LOCALSTACK_AUTH_TOKEN", "ls-123")))
                .isEqualTo(Emulator.FLOCI);
        assertThat(Emulator.choose(Map.of("AIRLOCK_EMULATOR", "LocalStack"))).isEqualTo(Emulator.LOCALSTACK);
    }

    @Test
    void composeFileRunsTheSameImagesAsTheTest() throws IOException {
        String compose = Files.readString(Path.of("..", "localstack", "docker-compose.yml"));
        for (Emulator emulator : Emulator.values()) {
            assertThat(compose).contains("image: " + emulator.image);
        }
        assertThat(compose).contains("LOCALSTACK_AUTH_TOKEN=${LOCALSTACK_AUTH_TOKEN");
    }

    @Test
    void imagesArePinned() {
        for (Emulator emulator : Emulator.values()) {
            assertThat(emulator.image).doesNotEndWith(":latest").matches(".+:\\d[\\w.]*");
        }
    }
}
