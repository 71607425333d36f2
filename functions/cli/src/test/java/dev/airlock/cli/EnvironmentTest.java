package dev.airlock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {

    @Test
    void setting_prefersTheEnvironment_thenLocalEnv_unquotingPosixSingleQuotes(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("local.env"), "# Written by scripts/local-up\n"
                + "AIRLOCK_URL='http://127.0.0.1:9999'\nAIRLOCK_AUDIT_TABLE='it'\\''s'\nAWS_REGION=eu-west-1\n");
        Environment fromFile = new Environment(Map.of(Environment.HOME, home.toString()), Path.of("/nonexistent"));

        assertThat(fromFile.setting(Environment.URL)).contains("http://127.0.0.1:9999");
        assertThat(fromFile.setting(Environment.AUDIT_TABLE)).contains("it's");
        assertThat(fromFile.setting(Environment.AWS_REGION)).contains("eu-west-1");
        assertThat(fromFile.setting(Environment.REQUESTS_TABLE)).isEmpty();

        Environment overridden = new Environment(Map.of(Environment.HOME, home.toString(), Environment.URL, "https://a"),
                Path.of("/nonexistent"));
        assertThat(overridden.setting(Environment.URL)).contains("https://a");
    }

    @Test
    void defaultHome_isUsedWithoutAirlockHome_andAnEmptyVariableCountsAsUnset(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("local.env"), "AIRLOCK_URL='http://from-default-home'\n");
        Environment env = new Environment(Map.of(Environment.URL, "", Environment.GROUPS, ""), home);

        assertThat(env.setting(Environment.URL)).contains("http://from-default-home");
        assertThat(env.isSet(Environment.GROUPS)).isTrue();
        assertThat(env.get(Environment.GROUPS)).isEmpty();
    }
}
