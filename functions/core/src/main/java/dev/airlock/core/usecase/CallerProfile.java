package dev.airlock.core.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the verified caller is to Airlock ({@code GET /me}): what their token and the current role file
 * make of them, and nothing about anyone else.
 *
 * @param user          the user name from the verified token
 * @param groups        the token's groups
 * @param baseRoles     the roles {@code claims_to_roles} maps the token's claims to, sorted by name
 * @param principals    the logins of a certificate for the base roles alone
 * @param maxSessionTtl the longest such certificate (strictest {@code max_session_ttl}), if any role caps it
 * @param baseCertificate whether {@code POST /certificates} without a request would sign at all
 * @param requestable   roles they may request
 * @param reviewable    roles whose requests they may review
 */
public record CallerProfile(String user, List<String> groups, List<BaseRole> baseRoles, List<String> principals,
                            Optional<Duration> maxSessionTtl, boolean baseCertificate, List<String> requestable,
                            List<String> reviewable) {

    /**
     * One base role.
     *
     * @param logins         its {@code allow.logins}
     * @param maxSessionTtl  its {@code options.max_session_ttl}
     * @param maxRequestDuration its {@code allow.request.max_duration}: the longest access window of a request it allows
     */
    public record BaseRole(String name, List<String> logins, Optional<Duration> maxSessionTtl,
                           Optional<Duration> maxRequestDuration) {
        public BaseRole {
            Objects.requireNonNull(name, "name");
            logins = List.copyOf(logins);
            Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
            Objects.requireNonNull(maxRequestDuration, "maxRequestDuration");
        }
    }

    public CallerProfile {
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
        baseRoles = List.copyOf(baseRoles);
        principals = List.copyOf(principals);
        Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
        requestable = List.copyOf(requestable);
        reviewable = List.copyOf(reviewable);
    }
}
