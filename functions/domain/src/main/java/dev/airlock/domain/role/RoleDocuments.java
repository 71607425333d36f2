package dev.airlock.domain.role;

import dev.airlock.domain.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documents of one role file as {@link RoleFileParser} reads them: the roles, the claim mappings,
 * where each was defined (for duplicate and reference errors), what each document's fields mean to
 * Airlock, and the refusals.
 */
final class RoleDocuments {

    private final String sourceName;
    private final RoleDocumentReader reader = new RoleDocumentReader();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Integer> definedIn = new LinkedHashMap<>();
    private final List<InvalidRequestException> refusals = new ArrayList<>();
    private final List<RoleFileReport.Document> reports = new ArrayList<>();
    private List<ClaimMapping> claims = List.of();
    private Integer oidcDocument;

    RoleDocuments(String sourceName) {
        this.sourceName = sourceName;
    }

    List<InvalidRequestException> refusals() {
        return refusals;
    }

    List<RoleFileReport.Document> reports() {
        return List.copyOf(reports);
    }

    void add(int number, Object document) {
        FieldLog log = new FieldLog(refusals);
        YamlNode root = YamlNode.root(document, new YamlNode.Location(sourceName, "document " + number), log);
        String kind = root.requiredString("kind");
        YamlNode.Location where = new YamlNode.Location(sourceName,
                "document " + number + " (" + kind + RoleFileParser.nameSuffix(root) + ")");
        YamlNode doc = YamlNode.root(document, where, log);
        String name;
        switch (kind) {
            case "role" -> name = addRole(number, doc, where);
            case "oidc" -> name = addOidc(number, doc, where);
            default -> throw where.error("kind", "unknown kind '" + kind + "' (expected role or oidc)");
        }
        reports.add(new RoleFileReport.Document(kind, name, doc.requiredString("version"), log.enforced(),
                log.ignored()));
    }

    private String addRole(int number, YamlNode doc, YamlNode.Location where) {
        String name = metadata(doc, RoleFileParser.ROLE_VERSIONS);
        if (!Role.NAME.matcher(name).matches()) {
            throw doc.error("metadata.name", "invalid role name '" + name
                    + "' (letters, digits and . _ -, starting with a letter or digit, at most 64 characters)");
        }
        YamlNode spec = doc.map("spec").orElseThrow(() -> doc.error("spec", "is required"));
        Role role = reader.read(name, spec);
        Integer first = definedIn.putIfAbsent(role.name(), number);
        if (first != null) {
            throw where.error("metadata.name",
                    "duplicate role '" + role.name() + "' (first defined in document " + first + ")");
        }
        roles.put(role.name(), role);
        return name;
    }

    private String addOidc(int number, YamlNode doc, YamlNode.Location where) {
        if (oidcDocument != null) {
            throw where.error("kind", "only one oidc document is allowed (first is document " + oidcDocument + ")");
        }
        oidcDocument = number;
        String name = metadata(doc, RoleFileParser.OIDC_VERSIONS);
        YamlNode spec = doc.map("spec").orElseThrow(() -> doc.error("spec", "is required"));
        spec.fields(TeleportFields.oidcSpec());
        claims = ClaimsReader.read(spec, reader);
        return name;
    }

    /** Checks the document's fields, {@code version} and {@code metadata}; returns {@code metadata.name}. */
    private static String metadata(YamlNode doc, Set<String> versions) {
        doc.fields(TeleportFields.document());
        String version = doc.requiredString("version");
        if (!versions.contains(version)) {
            throw doc.error("version", "unsupported version '" + version + "' (expected one of "
                    + String.join(", ", new TreeSet<>(versions)) + ")");
        }
        YamlNode metadata = doc.map("metadata").orElseThrow(() -> doc.error("metadata", "is required"));
        metadata.fields(TeleportFields.metadata());
        metadata.string("description");
        return metadata.requiredString("name");
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
