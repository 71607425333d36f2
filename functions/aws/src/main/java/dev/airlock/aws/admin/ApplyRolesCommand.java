package dev.airlock.aws.admin;

import dev.airlock.core.usecase.ApplyRoles;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.dynamodb.TableNames;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** {@code apply-roles FILE}: validates the role file and stores it, audited on the {@code config} chain. */
public final class ApplyRolesCommand {

    private final RoleConfigStore store;

    public ApplyRolesCommand(DynamoDbClient dynamoDb, TableNames tables) {
        this.store = new RoleConfigStore(dynamoDb, tables, Clock.systemUTC());
    }

    public int run(Path file, String actor, PrintStream out, PrintStream err) {
        String yaml;
        try {
            if (Files.size(file) > ApplyRoles.MAX_YAML_BYTES) {
                err.println("error: " + file + " is larger than " + ApplyRoles.MAX_YAML_BYTES + " bytes");
                return AdminMain.INVALID_INPUT;
            }
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            err.println("error: " + file + " is not UTF-8 text");
            return AdminMain.INVALID_INPUT;
        } catch (IOException e) {
            err.println("error: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            return AdminMain.INVALID_INPUT;
        }
        RoleFileStore.Applied applied = store.apply(yaml, actor);
        out.println("applied role configuration version " + applied.version() + " (sha256 " + applied.sha256()
                + ", roles " + String.join(", ", applied.roleNames()) + "), audit record config/" + applied.record().seq());
        return AdminMain.OK;
    }
}
