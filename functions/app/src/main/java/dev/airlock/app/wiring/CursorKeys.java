package dev.airlock.app.wiring;

import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.config.CursorKey;
import dev.airlock.aws.secrets.SecretText;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.Optional;
import java.util.function.Supplier;

import static dev.airlock.core.config.EnvironmentNames.CURSOR_KEY_SECRET_ARN;

/**
 * The key that signs list cursors: the one the configuration holds (local runs, tests, the bench), or
 * the deployed one read once from the Secrets Manager secret {@value
 * dev.airlock.core.config.EnvironmentNames#CURSOR_KEY_SECRET_ARN} names, so the key never sits in the
 * function's environment or the template. A secret that cannot be read or is not a valid key stops the
 * function at start-up with a message naming the secret, never its value.
 */
public final class CursorKeys {

    private CursorKeys() {
    }

    /** The key, or empty when this function has none (it does not run {@code list}). */
    public static Optional<CursorKey> resolve(AirlockConfig config, Supplier<SecretsManagerClient> secretsManager) {
        if (config.cursorKey().isPresent()) {
            return config.cursorKey();
        }
        if (config.cursorKeySecretArn().isEmpty()) {
            return Optional.empty();
        }
        String arn = config.cursorKeySecretArn().get();
        try (SecretsManagerClient client = secretsManager.get()) {
            return Optional.of(CursorKey.decode(CURSOR_KEY_SECRET_ARN + " (the secret's value)",
                    SecretText.read(client, arn)));
        }
    }
}
