package dev.airlock.core.usecase;

import dev.airlock.core.notify.NotificationConfig;
import dev.airlock.core.notify.NotificationConfigParser;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationFile;
import dev.airlock.domain.error.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An operator applies a notification routing file: validated completely first (a file that does not
 * parse changes nothing), then stored with its {@code notifications.applied} audit record in one write.
 */
public final class ApplyNotifications {

    /** Far below DynamoDB's 400 KB item limit; a routing file is a few lines. */
    public static final int MAX_YAML_BYTES = 64_000;

    private final NotificationConfigStore store;

    public ApplyNotifications(NotificationConfigStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @throws InvalidRequestException code {@value NotificationConfigParser#CODE} (nothing written) when the
     *                                 file does not parse or is larger than {@value #MAX_YAML_BYTES} bytes
     */
    public NotificationConfigStore.Applied apply(String yaml, String actor) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(actor, "actor");
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
            throw new InvalidRequestException(NotificationConfigParser.CODE,
                    "the notification file is larger than " + MAX_YAML_BYTES + " bytes");
        }
        NotificationConfig config = NotificationConfigParser.parse(yaml);
        return store.save(NotificationFile.of(yaml, config.targets().size(), config.routes().size()), actor);
    }
}
