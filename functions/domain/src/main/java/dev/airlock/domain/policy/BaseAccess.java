package dev.airlock.domain.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller's base roles alone give ({@link CertificatePolicy#baseAccess}): the logins of a
 * certificate issued without a request and its longest validity.
 *
 * @param principals          the logins, sorted (allowed by a base role, denied by none)
 * @param maxSessionTtl       the strictest {@code max_session_ttl} of the base roles, if any sets one
 * @param certificateAllowed  false when a base role says {@code request_access: always} (only an
 *                            approved request yields a certificate) or the roles grant no login
 */
public record BaseAccess(List<String> principals, Optional<Duration> maxSessionTtl, boolean certificateAllowed) {

    public BaseAccess {
        principals = List.copyOf(principals);
        Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
    }
}
