package dev.airlock.core.usecase;

import dev.airlock.core.port.RoleFile;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An operator applies a role file: it is validated completely first (a file that does not parse
 * changes nothing), then stored with its {@code roles.applied} audit record in one write.
 */
public final class ApplyRoles {

    /** Leaves room under DynamoDB's 400 KB item limit for the other attributes. */
    public static final int MAX_YAML_BYTES = 350_000;

    private final RoleFileStore store;

    public ApplyRoles(RoleFileStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * @throws InvalidRequestException code {@code invalid_role_file} (nothing written) when the file does
     *                                 not parse, {@code role_file_too_large} past {@value #MAX_YAML_BYTES} bytes
     * @throws dev.airlock.domain.error.ConflictException when concurrent applies keep winning
     */
    public RoleFileStore.Applied apply(String yaml, String actor) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(actor, "actor");
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
            throw new InvalidRequestException("role_file_too_large",
                    "the role file is larger than " + MAX_YAML_BYTES + " bytes");
        }
        RoleConfig config = RoleFileParser.parse(yaml, "role file");
        return store.save(RoleFile.of(yaml, List.copyOf(config.roles().names())), actor);
    }
}
