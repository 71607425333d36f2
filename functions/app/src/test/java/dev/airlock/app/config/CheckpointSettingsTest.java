package dev.airlock.app.config;

import dev.airlock.core.api.Routes;
import dev.airlock.core.config.EnvironmentNames;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint function's settings: required where it is the selected function, validated, defaulted. */
class CheckpointSettingsTest {

    /** What a stack would set on the checkpoint function, plus what the Lambda runtime sets. */
    private static Map<String, String> lambdaCheckpoint() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "airlock-checkpoint");
        env.put("AWS_REGION", "eu-central-1");
        env.put(EnvironmentNames.FUNCTION_DEFINITION, Routes.CHECKPOINT);
        env.put(EnvironmentNames.CHECKPOINT_BUCKET, "prod-airlock-checkpoints");
        env.put(EnvironmentNames.AUDIT_KEY_ID, "arn:aws:kms:eu-central-1:123456789012:key/abc");
        return env;
    }

    @Test
    void aDeployedCheckpointFunction_shouldReadItsSettings_withTheDefaults() {
        CheckpointSettings settings = AirlockConfig.from(lambdaCheckpoint()).checkpoint().orElseThrow();

        assertThat(settings.bucket()).isEqualTo("prod-airlock-checkpoints");
        assertThat(settings.auditKeyId()).isEqualTo("arn:aws:kms:eu-central-1:123456789012:key/abc");
        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(400));
    }

    @Test
    void intervalAndRetention_shouldBeReadAsIsoDurations() {
        Map<String, String> env = lambdaCheckpoint();
        env.put(EnvironmentNames.CHECKPOINT_INTERVAL, "PT5S");
        env.put(EnvironmentNames.CHECKPOINT_RETENTION, "P1D");

        CheckpointSettings settings = AirlockConfig.from(env).checkpoint().orElseThrow();

        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void theCheckpointFunction_withoutItsBucketOrKey_shouldFailNamingTheVariable() {
        Map<String, String> noBucket = lambdaCheckpoint();
        noBucket.remove(EnvironmentNames.CHECKPOINT_BUCKET);
        Map<String, String> noKey = lambdaCheckpoint();
        noKey.remove(EnvironmentNames.AUDIT_KEY_ID);

        assertThatThrownBy(() -> AirlockConfig.from(noBucket)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(EnvironmentNames.CHECKPOINT_BUCKET);
        assertThatThrownBy(() -> AirlockConfig.from(noKey)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(EnvironmentNames.AUDIT_KEY_ID);
    }

    @Test
    void badValues_shouldFailNamingTheVariable() {
        for (var bad : Map.of(EnvironmentNames.CHECKPOINT_BUCKET, "Not_A_Bucket",
                EnvironmentNames.CHECKPOINT_INTERVAL, "5 minutes", EnvironmentNames.CHECKPOINT_RETENTION, "-P1D")
                .entrySet()) {
            Map<String, String> env = lambdaCheckpoint();
            env.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> AirlockConfig.from(env)).as(bad.getKey()).isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining(bad.getKey());
        }
    }

    @Test
    void otherFunctions_shouldNotNeedThem() {
        assertThat(AirlockConfig.local(Map.of()).checkpoint()).isEmpty();
    }
}
