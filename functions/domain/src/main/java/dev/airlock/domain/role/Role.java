package dev.airlock.domain.role;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Teleport-shaped role ({@code kind: role}). Deny beats allow everywhere it is consulted.
 *
 * @param name    {@code metadata.name}
 * @param options {@code spec.options}
 * @param allow   {@code spec.allow}
 * @param deny    {@code spec.deny}
 */
public record Role(String name, RoleOptions options, RoleConditions allow, RoleConditions deny) {

    /** Role names: letters, digits and {@code . _ -}, starting with a letter or digit, at most 64 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Role {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid role name '" + name + "'");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(deny, "deny");
    }
}
