package dev.airlock.aws.admin;

import dev.airlock.core.usecase.ApplyRoles;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.dynamodb.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** {@code apply-roles FILE}: validates the role file and stores it, audited on the {@code config} chain. */
public final class ApplyRolesCommand {

    private final RoleConfigStore store;

    public ApplyRolesCommand(DynamoDbClient dynamoDb, TableNames tables) {
        this.store = new RoleConfigStore(dynamoDb, tables, Clock.systemUTC());
    }

    public int run(Path file, String actor, PrintStream out, PrintStream err) {
        Optional<String> yaml = RoleFileText.read(file, err);
        if (yaml.isEmpty()) {
            return AdminMain.INVALID_INPUT;
        }
        RoleFileStore.Applied applied = store.apply(yaml.get(), actor);
        out.println("applied role configuration version " + applied.version() + " (sha256 " + applied.sha256()
                + ", roles " + String.join(", ", applied.roleNames()) + "), audit record config/" + applied.record().seq());
        return AdminMain.OK;
    }
}
