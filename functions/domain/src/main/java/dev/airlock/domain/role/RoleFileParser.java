package dev.airlock.domain.role;

import dev.airlock.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses a role file: multi-document YAML with {@code kind: role} documents in Teleport's shape
 * (DESIGN.md "Domain") and at most one {@code kind: oidc} document whose {@code spec.claims_to_roles}
 * maps token claims to base roles, as Teleport's OIDC connector does.
 *
 * <p>Strict on purpose: unknown fields, wrong types, bad durations, bad thresholds, duplicate role
 * names, unknown kinds and references to undefined roles are refused with an
 * {@link InvalidRequestException} (code {@code invalid_role_file}) whose message names the source, the
 * document (1-based index, kind and name) and the field path. A typo in a policy file must never
 * silently widen or narrow access.
 */
public final class RoleFileParser {

    /** The only role-file {@code version} understood. */
    public static final String VERSION = "v1";

    /** Largest role file accepted, in code points; far above any real policy. */
    public static final int MAX_FILE_CODE_POINTS = 1_000_000;

    private RoleFileParser() {
    }

    /**
     * Parses a role file.
     *
     * @param yaml       the file's text
     * @param sourceName how to name the file in error messages (e.g. {@code roles.yaml})
     * @throws InvalidRequestException code {@code invalid_role_file} on any problem
     */
    public static RoleConfig parse(String yaml, String sourceName) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        List<Object> documents = load(yaml, sourceName);
        Documents read = new Documents(sourceName);
        for (int i = 0; i < documents.size(); i++) {
            if (documents.get(i) != null) { // null: an empty document, e.g. after a trailing '---'
                read.add(i + 1, documents.get(i));
            }
        }
        return read.toConfig();
    }

    /** What has been read so far, and where each thing was defined (for duplicate and reference errors). */
    private static final class Documents {
        private final String sourceName;
        private final RoleDocumentReader reader = new RoleDocumentReader();
        private final Map<String, Role> roles = new LinkedHashMap<>();
        private final Map<String, Integer> definedIn = new LinkedHashMap<>();
        private List<ClaimMapping> claims = List.of();
        private Integer oidcDocument;

        Documents(String sourceName) {
            this.sourceName = sourceName;
        }

        void add(int number, Object document) {
            YamlNode root = YamlNode.root(document, new YamlNode.Location(sourceName, "document " + number));
            String kind = root.requiredString("kind");
            YamlNode.Location where = new YamlNode.Location(sourceName,
                    "document " + number + " (" + kind + nameSuffix(root) + ")");
            YamlNode doc = YamlNode.root(document, where);
            switch (kind) {
                case "role" -> addRole(number, readRole(doc, reader), where);
                case "oidc" -> {
                    if (oidcDocument != null) {
                        throw where.error("kind", "only one oidc document is allowed (first is document "
                                + oidcDocument + ")");
                    }
                    oidcDocument = number;
                    claims = readOidc(doc, reader);
                }
                default -> throw where.error("kind", "unknown kind '" + kind + "' (expected role or oidc)");
            }
        }

        private void addRole(int number, Role role, YamlNode.Location where) {
            Integer first = definedIn.putIfAbsent(role.name(), number);
            if (first != null) {
                throw where.error("metadata.name",
                        "duplicate role '" + role.name() + "' (first defined in document " + first + ")");
            }
            roles.put(role.name(), role);
        }

        RoleConfig toConfig() {
            if (roles.isEmpty()) {
                throw new InvalidRequestException("invalid_role_file", sourceName + ": defines no roles");
            }
            for (RoleDocumentReader.Reference ref : reader.references()) {
                if (!roles.containsKey(ref.role())) {
                    throw ref.location().error(ref.path(), "undefined role '" + ref.role() + "'");
                }
            }
            return new RoleConfig(RoleSet.of(roles.values()), claims);
        }
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

    private static String nameSuffix(YamlNode root) {
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

    private static Role readRole(YamlNode doc, RoleDocumentReader reader) {
        doc.allowOnly("kind", "version", "metadata", "spec");
        String name = metadata(doc);
        if (!Role.NAME.matcher(name).matches()) {
            throw doc.error("metadata.name", "invalid role name '" + name
                    + "' (letters, digits and . _ -, starting with a letter or digit, at most 64 characters)");
        }
        YamlNode spec = doc.map("spec").orElseThrow(() -> doc.error("spec", "is required"));
        return reader.read(name, spec);
    }

    private static List<ClaimMapping> readOidc(YamlNode doc, RoleDocumentReader reader) {
        doc.allowOnly("kind", "version", "metadata", "spec");
        metadata(doc);
        YamlNode spec = doc.map("spec").orElseThrow(() -> doc.error("spec", "is required"));
        spec.allowOnly("claims_to_roles");
        List<ClaimMapping> mappings = new ArrayList<>();
        for (YamlNode m : spec.mapList("claims_to_roles")) {
            m.allowOnly("claim", "value", "roles");
            String claim = m.requiredString("claim");
            String value = m.requiredString("value");
            List<String> roles = reader.roleNames(m, "roles");
            if (roles.isEmpty()) {
                throw m.error("roles", "must list at least one role");
            }
            mappings.add(new ClaimMapping(claim, value, roles));
        }
        return mappings;
    }

    /** Checks {@code version} and {@code metadata}; returns {@code metadata.name}. */
    private static String metadata(YamlNode doc) {
        String version = doc.requiredString("version");
        if (!VERSION.equals(version)) {
            throw doc.error("version", "unsupported version '" + version + "' (expected " + VERSION + ")");
        }
        YamlNode metadata = doc.map("metadata").orElseThrow(() -> doc.error("metadata", "is required"));
        metadata.allowOnly("name", "description");
        metadata.string("description");
        return metadata.requiredString("name");
    }
}
