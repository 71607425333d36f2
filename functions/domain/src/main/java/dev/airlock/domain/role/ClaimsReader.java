package dev.airlock.domain.role;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an OIDC connector's {@code spec.claims_to_roles}. Values match exactly: Teleport's globs and
 * regular expressions (with {@code $1} in role names) are refused, since a literal match would silently
 * map nobody and a guessed expansion could map too many.
 */
final class ClaimsReader {

    private ClaimsReader() {
    }

    static List<ClaimMapping> read(YamlNode spec, RoleDocumentReader reader) {
        if (spec.has("claims_to_roles")) {
            spec.log().enforced(spec.path("claims_to_roles"));
        }
        List<ClaimMapping> mappings = new ArrayList<>();
        for (YamlNode m : spec.mapList("claims_to_roles")) {
            m.fields(new Fields().read("claim", "value", "roles"));
            String claim = m.requiredString("claim");
            String value = m.requiredString("value");
            if (value.contains("*") || value.startsWith("^")) {
                m.log().refuse(m.error("value", "not supported by Airlock: wildcards and regular expressions in "
                        + "claim values ('" + value + "'); list each value"));
            }
            if (!(m.raw("roles") instanceof List<?> listed) || listed.isEmpty()) {
                m.stringList("roles", (role, path) -> { }); // a wrong type is reported as such
                throw m.error("roles", "must list at least one role");
            }
            List<String> roles = reader.unloggedRoleNames(m, "roles");
            if (!roles.isEmpty()) { // empty: every entry was a refused pattern
                mappings.add(new ClaimMapping(claim, value, roles));
            }
        }
        return mappings;
    }
}
