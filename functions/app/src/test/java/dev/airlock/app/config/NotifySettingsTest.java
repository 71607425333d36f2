package dev.airlock.app.config;

import dev.airlock.core.config.EnvironmentNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifySettingsTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:airlock-notify-AbCdEf";

    @Test
    void notifications_shouldPreferTheSecretsManagerArn_overTheLocalFile() {
        AirlockConfig config = AirlockConfig.local(Map.of(EnvironmentNames.NOTIFY_SECRETS_ARN, ARN,
                EnvironmentNames.NOTIFY_SECRETS_FILE, "/tmp/x.json"));

        assertThat(config.notifications()).contains(new NotifySettings(Optional.of(ARN), Optional.empty()));
    }

    @Test
    void notifications_shouldTakeTheLocalFile_andBeEmptyWhenNeitherIsSet() {
        assertThat(AirlockConfig.local(Map.of(EnvironmentNames.NOTIFY_SECRETS_FILE, "/tmp/notify.json"))
                .notifications()).contains(new NotifySettings(Optional.empty(), Optional.of(Path.of("/tmp/notify.json"))));
        assertThat(AirlockConfig.local(Map.of()).notifications()).isEmpty();
    }

    @Test
    void notifications_shouldRefuseSomethingThatIsNotASecretArn() {
        assertThatThrownBy(() -> AirlockConfig.local(Map.of(EnvironmentNames.NOTIFY_SECRETS_ARN, "my-secret")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(EnvironmentNames.NOTIFY_SECRETS_ARN);
    }
}
