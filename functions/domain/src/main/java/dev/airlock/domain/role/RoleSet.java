package dev.airlock.domain.role;

import dev.airlock.domain.error.InternalException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of roles keyed by name. Every role named inside a role (requestable, reviewable)
 * must be in the set: a set never refers outside itself.
 */
public final class RoleSet {

    private final Map<String, Role> byName;

    private RoleSet(Map<String, Role> byName) {
        this.byName = byName;
    }

    /**
     * Builds a set from roles.
     *
     * @throws IllegalArgumentException on a duplicate name or a reference to a role not in the set
     */
    public static RoleSet of(Collection<Role> roles) {
        Objects.requireNonNull(roles, "roles");
        Map<String, Role> map = new TreeMap<>();
        for (Role role : roles) {
            Objects.requireNonNull(role, "role");
            if (map.putIfAbsent(role.name(), role) != null) {
                throw new IllegalArgumentException("duplicate role '" + role.name() + "'");
            }
        }
        RoleSet set = new RoleSet(Collections.unmodifiableMap(map));
        map.values().forEach(set::checkReferences);
        return set;
    }

    /** A set with the given roles. */
    public static RoleSet of(Role... roles) {
        return of(List.of(roles));
    }

    private void checkReferences(Role role) {
        for (RoleConditions c : List.of(role.allow(), role.deny())) {
            for (String ref : c.request().roles()) {
                requireDefined(role, "request.roles", ref);
            }
            for (String ref : c.reviewRequests().roles()) {
                requireDefined(role, "review_requests.roles", ref);
            }
        }
    }

    private void requireDefined(Role role, String field, String ref) {
        if (!byName.containsKey(ref)) {
            throw new IllegalArgumentException(
                    "role '" + role.name() + "' " + field + " refers to undefined role '" + ref + "'");
        }
    }

    /** The role with this name, if defined. */
    public Optional<Role> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether a role with this name is defined. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The role with this name. For names that came from our own configuration (an identity's base roles,
     * a stored request's roles), where a miss means the configuration changed underneath.
     *
     * @throws InternalException code {@code role_undefined} when it is not defined
     */
    public Role require(String name) {
        Role role = byName.get(name);
        if (role == null) {
            throw new InternalException("role_undefined", "role '" + name + "' is not defined");
        }
        return role;
    }

    /** All role names, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** All roles, sorted by name. */
    public Collection<Role> all() {
        return byName.values();
    }

    public int size() {
        return byName.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleSet other && byName.equals(other.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "RoleSet" + byName.keySet();
    }
}
