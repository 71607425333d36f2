package dev.airlock.domain.role;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A verified caller: the user name from the identity token and the base roles its claims map to
 * ({@link RoleConfig#baseRolesFor}). Built only from verified token claims, never from a request body.
 *
 * @param user   the caller's stable user name (e.g. the token's {@code sub} or {@code email})
 * @param roles  base roles, sorted
 * @param groups the token's groups as it lists them, for showing the caller who they are
 *               ({@code GET /me}); no decision reads them (roles come from {@code claims_to_roles})
 */
public record Identity(String user, Set<String> roles, List<String> groups) {

    public Identity {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(roles, "roles")));
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    }

    /** A caller whose token's groups are not known or not needed. */
    public Identity(String user, Set<String> roles) {
        this(user, roles, List.of());
    }

    /** Whether this caller holds the role as a base role. */
    public boolean holds(String role) {
        return roles.contains(role);
    }
}
