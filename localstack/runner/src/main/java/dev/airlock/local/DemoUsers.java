package dev.airlock.local;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo users of the development issuer and their default groups, from
 * {@code localstack/config/demo-users.yaml} (shared with the CLI):
 * <pre>
 * users:
 *   bob:   { groups: [contractors] }
 *   alice: { groups: [dba-reviewers] }
 * </pre>
 */
public final class DemoUsers {

    public static final String FILE_NAME = "demo-users.yaml";

    private final Map<String, List<String>> groups;

    private DemoUsers(Map<String, List<String>> groups) {
        this.groups = Map.copyOf(groups);
    }

    public static DemoUsers of(Map<String, List<String>> groups) {
        return new DemoUsers(groups);
    }

    /**
     * Parses the file's text.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not of that shape
     */
    public static DemoUsers parse(String yaml) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(FILE_NAME + " is not valid YAML");
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("users") instanceof Map<?, ?> users)) {
            throw new IllegalArgumentException(FILE_NAME + " must have a 'users' mapping");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        users.forEach((name, entry) -> {
            if (!(name instanceof String user) || !(entry instanceof Map<?, ?> fields)
                    || !(fields.get("groups") instanceof List<?> list)
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw new IllegalArgumentException(FILE_NAME + ": user '" + name + "' must have a list of groups");
            }
            groups.put(user, list.stream().map(String.class::cast).toList());
        });
        return new DemoUsers(groups);
    }

    /** The default groups of a demo user; empty for anyone else. */
    public Optional<List<String>> groupsOf(String user) {
        return Optional.ofNullable(groups.get(Objects.requireNonNull(user, "user")));
    }

    public Map<String, List<String>> all() {
        return groups;
    }
}
