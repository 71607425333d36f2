package dev.airlock.core.port;

import java.util.Optional;

/**
 * The notify function's secrets by name: webhook URLs and HMAC keys, which the routing file names and
 * never holds. In AWS a Secrets Manager secret (a JSON object of name to value); locally a file
 * (docs/NOTIFICATIONS.md). Implementations never put a value in a message or a log.
 */
@FunctionalInterface
public interface NotifySecrets {

    /**
     * The value named {@code name}, empty when there is none.
     *
     * @throws IllegalStateException when the secrets cannot be read at all (message names no value)
     */
    Optional<String> value(String name);
}
