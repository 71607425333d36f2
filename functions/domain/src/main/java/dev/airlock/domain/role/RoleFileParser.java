package dev.airlock.domain.role;

import dev.airlock.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses a role file: multi-document YAML with {@code kind: role} documents in Teleport's shape
 * (docs/ARCHITECTURE.md "Domain", docs/ROLES.md) and at most one {@code kind: oidc} document whose
 * {@code spec.claims_to_roles} maps token claims to base roles, as Teleport's OIDC connector does.
 *
 * <p>Strict on purpose: unknown fields, wrong types, bad durations, bad thresholds, duplicate role
 * names, unknown kinds, references to undefined roles and Teleport fields Airlock does not implement but
 * that would change who may request, review or log in are refused with an {@link InvalidRequestException}
 * (code {@code invalid_role_file}) whose message names the source, the document (1-based index, kind and
 * name) and the field path. A typo in a policy file must never silently widen or narrow access. Teleport
 * fields that govern resources Airlock does not front are accepted; {@link RoleFileChecker} reports them.
 */
public final class RoleFileParser {

    /**
     * Role versions understood. Teleport writes v5 to v8 today; v1 is Airlock's earlier name for the same
     * shape. Teleport's role reference (https://goteleport.com/docs/reference/access-controls/roles/,
     * "Role versions") documents differences between versions only in the defaults of resource matchers
     * ({@code node_labels}, {@code app_labels}, {@code kubernetes_labels}, {@code db_labels} from v4;
     * {@code kubernetes_resources} in v6 and v7, and its kinds in v8), all of which Airlock ignores;
     * the fields Airlock enforces mean the same in every version, so every version reads alike.
     */
    public static final Set<String> ROLE_VERSIONS = Set.of("v1", "v5", "v6", "v7", "v8");

    /** OIDC connector versions understood: Teleport writes v3 (v2 before it); v1 is Airlock's earlier name. */
    public static final Set<String> OIDC_VERSIONS = Set.of("v1", "v2", "v3");

    /** Largest role file accepted, in code points; far above any real policy. */
    public static final int MAX_FILE_CODE_POINTS = 1_000_000;

    private RoleFileParser() {
    }

    /**
     * Parses a role file.
     *
     * @param yaml       the file's text
     * @param sourceName how to name the file in error messages (e.g. {@code roles.yaml})
     * @throws InvalidRequestException code {@code invalid_role_file} on any problem (the first refusal
     *                                 when several fields are refused; {@link RoleFileChecker} lists all)
     */
    public static RoleConfig parse(String yaml, String sourceName) {
        Read read = read(yaml, sourceName);
        if (!read.refusals().isEmpty()) {
            throw read.refusals().get(0);
        }
        return read.documents().toConfig();
    }

    /** Reads every document; structural errors are thrown, refusals collected. */
    static Read read(String yaml, String sourceName) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        List<Object> documents = load(yaml, sourceName);
        RoleDocuments read = new RoleDocuments(sourceName);
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null) { // null: an empty document, e.g. after a trailing '---'
                read.add(i + 1, documents.get(i));
            }
        }
        return new Read(read, read.refusals());
    }

    /** The documents read and the refusals found. */
    record Read(RoleDocuments documents, List<InvalidRequestException> refusals) {
    }

    private static List<Object> load(String yaml, String sourceName) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(sourceName)
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_FILE_CODE_POINTS)
                .build();
        List<Object> documents = new ArrayList<>();
        try {
            new Load(settings).loadAllFromString(yaml).forEach(documents::add);
        } catch (YamlEngineException e) {
            throw new InvalidRequestException("invalid_role_file",
                    sourceName + ": document " + (documents.size() + 1) + ": invalid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** The name suffix of a document for error locations, without failing on a bad name. */
    static String nameSuffix(YamlNode root) {
        return root.map("metadata")
                .flatMap(m -> m.has("name") ? safeString(m) : Optional.empty())
                .map(name -> " '" + name + "'")
                .orElse("");
    }

    private static Optional<String> safeString(YamlNode metadata) {
        try {
            return metadata.string("name");
        } catch (InvalidRequestException e) {
            return Optional.empty(); // reported properly when the document is read
        }
    }
}
