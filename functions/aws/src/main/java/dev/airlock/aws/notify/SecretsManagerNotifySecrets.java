package dev.airlock.aws.notify;

import dev.airlock.aws.secrets.SecretText;
import dev.airlock.core.port.NotifySecrets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The notify secrets in AWS: one Secrets Manager secret whose text is a JSON object of name to value,
 * read on first use and cached for {@link #CACHE_TTL} (a rotated URL or key is picked up within that,
 * without a call per event).
 */
public final class SecretsManagerNotifySecrets implements NotifySecrets {

    public static final Duration CACHE_TTL = Duration.ofMinutes(5);

    private final SecretsManagerClient client;
    private final String secretArn;
    private final Clock clock;
    private Map<String, String> cached;
    private Instant readAt;

    public SecretsManagerNotifySecrets(SecretsManagerClient client, String secretArn, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.secretArn = Objects.requireNonNull(secretArn, "secretArn");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<String> value(String name) {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(readAt.plus(CACHE_TTL))) {
            cached = SecretsJson.parse(SecretText.read(client, secretArn), "the secret " + secretArn);
            readAt = now;
        }
        return Optional.ofNullable(cached.get(name));
    }
}
