package dev.airlock.core.testing;

import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleConfig;

import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: callers of the {@link FixedRoleCatalog#demo() demo policy}, their base roles derived
 * from a {@code groups} claim through the policy's {@code claims_to_roles}, as the functions do.
 */
public final class TestIdentities {

    private static final RoleConfig DEMO = FixedRoleCatalog.demo().current();

    private TestIdentities() {
    }

    /** The demo requester: group {@code contractors}. */
    public static Identity bob() {
        return user("bob", "contractors");
    }

    /** The demo reviewer: group {@code dba-reviewers}. */
    public static Identity alice() {
        return user("alice", "dba-reviewers");
    }

    /** Any user name in any demo groups. */
    public static Identity user(String name, String... groups) {
        return new Identity(name, DEMO.baseRolesFor(Map.of("groups", List.of(groups))));
    }
}
