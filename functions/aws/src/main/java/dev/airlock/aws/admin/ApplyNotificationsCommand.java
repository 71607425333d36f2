package dev.airlock.aws.admin;

import dev.airlock.aws.dynamodb.NotificationConfigItemStore;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.port.NotificationConfigStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code apply-notifications FILE}: validates the notification routing file and stores it, audited on
 * the {@code config} chain ({@code notifications.applied}), as {@code apply-roles} does for roles.
 */
public final class ApplyNotificationsCommand {

    private final NotificationConfigItemStore store;

    public ApplyNotificationsCommand(DynamoDbClient dynamoDb, TableNames tables) {
        this.store = new NotificationConfigItemStore(dynamoDb, tables, Clock.systemUTC());
    }

    public int run(Path file, String actor, PrintStream out, PrintStream err) {
        Optional<String> yaml = RoleFileText.read(file, err);
        if (yaml.isEmpty()) {
            return AdminMain.INVALID_INPUT;
        }
        NotificationConfigStore.Applied applied = store.apply(yaml.get(), actor);
        out.println("applied notification configuration version " + applied.version() + " (sha256 "
                + applied.sha256() + "), audit record config/" + applied.record().seq());
        return AdminMain.OK;
    }
}
