package dev.airlock.domain.role;

import java.util.List;
import java.util.Objects;

/**
 * One {@code claims_to_roles} entry, as in Teleport's OIDC connector: a token whose claim {@code claim}
 * has the value {@code value} (or, for a list claim, contains it) receives {@code roles} as base roles.
 * Values match exactly; Teleport's globs and regular expressions are not supported.
 */
public record ClaimMapping(String claim, String value, List<String> roles) {

    public ClaimMapping {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(value, "value");
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        if (claim.isBlank() || value.isBlank() || roles.isEmpty()) {
            throw new IllegalArgumentException("claim mapping needs a claim, a value and at least one role");
        }
    }

    /** Whether a token with these claims matches this mapping. */
    public boolean matches(java.util.Map<String, List<String>> claims) {
        List<String> values = claims.get(claim);
        return values != null && values.contains(value);
    }
}
