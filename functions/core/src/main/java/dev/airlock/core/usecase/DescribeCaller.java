package dev.airlock.core.usecase;

import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.policy.BaseAccess;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.Role;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /me}: the caller's base roles and what they allow, judged by the same policies every other
 * route applies (issue 17, {@code access status}). The caller is the verified token's identity; there
 * is no parameter naming anyone else.
 */
public final class DescribeCaller {

    private final RoleCatalog roleCatalog;
    private final Clock clock;

    public DescribeCaller(RoleCatalog roleCatalog, Clock clock) {
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CallerProfile describe(Identity caller) {
        Requests.required(caller, "caller");
        Policies policies = Policies.at(roleCatalog, clock);
        BaseAccess base = policies.certificates().baseAccess(caller);
        List<CallerProfile.BaseRole> roles = caller.roles().stream()
                .map(policies.roles()::require)
                .map(DescribeCaller::baseRole)
                .toList();
        return new CallerProfile(caller.user(), caller.groups(), roles, base.principals(), base.maxSessionTtl(),
                base.certificateAllowed(), policies.requests().requestableRoles(caller),
                policies.reviews().reviewableRoles(caller));
    }

    private static CallerProfile.BaseRole baseRole(Role role) {
        return new CallerProfile.BaseRole(role.name(), role.allow().logins(), role.options().maxSessionTtl(),
                role.allow().request().maxDuration());
    }
}
