package dev.airlock.domain.role;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a role file defines: the roles and how token claims map to base roles.
 *
 * @param roles         the defined roles
 * @param claimsToRoles claim → role mappings; every role they name is in {@code roles}
 */
public record RoleConfig(RoleSet roles, List<ClaimMapping> claimsToRoles) {

    public RoleConfig {
        Objects.requireNonNull(roles, "roles");
        claimsToRoles = List.copyOf(Objects.requireNonNull(claimsToRoles, "claimsToRoles"));
        for (ClaimMapping mapping : claimsToRoles) {
            for (String role : mapping.roles()) {
                if (!roles.contains(role)) {
                    throw new IllegalArgumentException("claims_to_roles refers to undefined role '" + role + "'");
                }
            }
        }
    }

    /**
     * The base roles of a caller whose verified token carries these claims (each claim as a list of
     * values; a single-valued claim is a one-element list). Sorted, possibly empty.
     */
    public Set<String> baseRolesFor(Map<String, List<String>> claims) {
        Objects.requireNonNull(claims, "claims");
        TreeSet<String> result = new TreeSet<>();
        for (ClaimMapping mapping : claimsToRoles) {
            if (mapping.matches(claims)) {
                result.addAll(mapping.roles());
            }
        }
        return Collections.unmodifiableSortedSet(result);
    }
}
