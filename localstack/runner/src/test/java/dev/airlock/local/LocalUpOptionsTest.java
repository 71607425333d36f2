package dev.airlock.local;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalUpOptionsTest {

    @Test
    void parse_shouldDefaultToPort8080HomeDotAirlockAndP256() throws Exception {
        LocalUpOptions options = LocalUpOptions.parse(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.home()).isEqualTo(Path.of(".airlock"));
        assertThat(options.awsEndpoint()).isEmpty();
        assertThat(options.configDir()).isEmpty();
        assertThat(options.caKeySpec()).isEqualTo("ECC_NIST_P256");
        assertThat(options.caKeySpecExplicit()).isFalse();
        assertThat(options.help()).isFalse();
    }

    @Test
    void parse_shouldTakeTheEnvironmentAndLetArgumentsWin() throws Exception {
        Map<String, String> env = Map.of("AIRLOCK_PORT", "9000", "AIRLOCK_HOME", "/tmp/a",
                "AIRLOCK_CA_KEY_SPEC", "RSA_3072");

        LocalUpOptions fromEnv = LocalUpOptions.parse(new String[0], env);
        LocalUpOptions fromArgs = LocalUpOptions.parse(new String[]{"--port", "9001", "--aws-endpoint",
                "http://localhost:4566", "--home", "/tmp/b", "--config-dir", "/tmp/c"}, env);

        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.home()).isEqualTo(Path.of("/tmp/a"));
        assertThat(fromEnv.caKeySpec()).isEqualTo("RSA_3072");
        assertThat(fromEnv.caKeySpecExplicit()).isTrue();
        assertThat(fromArgs.port()).isEqualTo(9001);
        assertThat(fromArgs.awsEndpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(fromArgs.home()).isEqualTo(Path.of("/tmp/b"));
        assertThat(fromArgs.configDir()).isEqualTo(Optional.of(Path.of("/tmp/c")));
    }

    @Test
    void parse_shouldTakeTheCheckpointInterval() throws Exception {
        assertThat(LocalUpOptions.parse(new String[0], Map.of()).checkpointInterval()).isEmpty();
        assertThat(LocalUpOptions.parse(new String[]{"--checkpoint-interval", "PT30S"}, Map.of()).checkpointInterval())
                .contains(java.time.Duration.ofSeconds(30));
    }

    @Test
    void parse_shouldNameWhatIsWrong() {
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--port", "http"}, Map.of()))
                .hasMessageContaining("--port must be a port number");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[0], Map.of("AIRLOCK_PORT", "70000")))
                .hasMessageContaining("AIRLOCK_PORT must be a port number");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--port"}, Map.of()))
                .hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--aws-endpoint", "localhost:4566"}, Map.of()))
                .hasMessageContaining("--aws-endpoint must be an http(s) URL");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--verbose"}, Map.of()))
                .hasMessageContaining("unknown argument '--verbose'");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--checkpoint-interval", "5s"}, Map.of()))
                .hasMessageContaining("--checkpoint-interval must be a positive ISO-8601 duration");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[0], Map.of("AIRLOCK_CA_KEY_SPEC", "RSA_2048")))
                .hasMessageContaining("AIRLOCK_CA_KEY_SPEC must be one of").hasMessageContaining("RSA_2048");
    }

    @Test
    void parse_shouldReadTheNotificationFlags_withoutEchoingAUrl() throws Exception {
        LocalUpOptions options = LocalUpOptions.parse(new String[]{"--webhook", "http://127.0.0.1:9999/hook",
                "--webhook-secret-file", "/tmp/key", "--slack-webhook", "https://hooks.slack.com/services/T/B/x"}, Map.of());

        assertThat(options.notifications().webhook()).contains(java.net.URI.create("http://127.0.0.1:9999/hook"));
        assertThat(options.notifications().webhookSecretFile()).contains(java.nio.file.Path.of("/tmp/key"));
        assertThat(options.notifications().slackWebhook()).isPresent();
        assertThat(LocalUpOptions.parse(new String[0], Map.of()).notifications())
                .isEqualTo(LocalUpOptions.Notifications.NONE);
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--webhook", "ftp://x/test-only-token"}, Map.of()))
                .hasMessage("--webhook must be an http(s) URL");
        assertThatThrownBy(() -> LocalUpOptions.parse(new String[]{"--webhook-secret-file", "/tmp/key"}, Map.of()))
                .hasMessage("--webhook-secret-file needs --webhook");
    }
}
