package dev.airlock.core.port;

import dev.airlock.domain.role.RoleConfig;

/** The current role definitions and claim mappings. Implementations may cache briefly. */
public interface RoleCatalog {

    RoleConfig current();
}
