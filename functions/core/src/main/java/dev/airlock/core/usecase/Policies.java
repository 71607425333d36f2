package dev.airlock.core.usecase;

import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.policy.CertificatePolicy;
import dev.airlock.domain.policy.RequestPolicy;
import dev.airlock.domain.policy.ReviewPolicy;
import dev.airlock.domain.policy.RevocationPolicy;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleSet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The domain policies for one call: built from the roles current at the call (roles can change
 * between calls, so they are never cached here) and frozen at one instant, so every check of a call
 * and its audit record agree on "now".
 */
final class Policies {

    private final RoleSet roles;
    private final Instant now;
    private final Clock frozen;

    private Policies(RoleSet roles, Instant now) {
        this.roles = roles;
        this.now = now;
        this.frozen = Clock.fixed(now, ZoneOffset.UTC);
    }

    static Policies at(RoleCatalog catalog, Clock clock) {
        return new Policies(catalog.current().roles(), clock.instant());
    }

    Instant now() {
        return now;
    }

    RoleSet roles() {
        return roles;
    }

    RequestPolicy requests() {
        return new RequestPolicy(roles, frozen);
    }

    ReviewPolicy reviews() {
        return new ReviewPolicy(roles, frozen);
    }

    RevocationPolicy revocations() {
        return new RevocationPolicy(reviews(), frozen);
    }

    CertificatePolicy certificates() {
        return new CertificatePolicy(roles, frozen);
    }

    /** Whether any base role of the caller lets them review requests for some role. */
    boolean isReviewer(Identity caller) {
        return caller.roles().stream()
                .map(roles::require)
                .anyMatch(role -> !role.allow().reviewRequests().roles().isEmpty());
    }
}
