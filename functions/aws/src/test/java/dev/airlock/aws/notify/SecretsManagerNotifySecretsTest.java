package dev.airlock.aws.notify;

import dev.airlock.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsManagerNotifySecretsTest {

    static final String ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:airlock-notify-AbCdEf";

    private final List<String> reads = new ArrayList<>();
    private String text = "{\"hook-url\": \"https://example.invalid/a\"}";
    private final SecretsManagerClient client = new SecretsManagerClient() {
        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            reads.add(request.secretId());
            return GetSecretValueResponse.builder().secretString(text).build();
        }

        @Override
        public String serviceName() {
            return "secretsmanager";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void value_shouldReadTheSecretOnce_andAgainAfterTheCacheTtl() {
        MutableClock clock = MutableClock.startingNow();
        SecretsManagerNotifySecrets secrets = new SecretsManagerNotifySecrets(client, ARN, clock);

        assertThat(secrets.value("hook-url")).contains("https://example.invalid/a");
        assertThat(secrets.value("missing")).isEmpty();
        assertThat(reads).containsExactly(ARN);

        text = "{\"hook-url\": \"https://example.invalid/rotated\"}";
        clock.advance(SecretsManagerNotifySecrets.CACHE_TTL.minus(Duration.ofSeconds(1)));
        assertThat(secrets.value("hook-url")).contains("https://example.invalid/a");
        clock.advance(Duration.ofSeconds(1));
        assertThat(secrets.value("hook-url")).contains("https://example.invalid/rotated");
        assertThat(reads).hasSize(2);
    }
}
