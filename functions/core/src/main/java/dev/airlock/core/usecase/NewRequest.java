package dev.airlock.core.usecase;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a caller asks for in {@code POST /requests}. Checked by {@link RequestAccess} against the
 * caller's roles ({@code RequestPolicy}) and the time rules ({@code AccessWindowPolicy}).
 *
 * @param roles          the roles wanted; null or empty is refused ({@code roles_required})
 * @param reason         why; null is the same as empty (refused where a role requires a reason)
 * @param pendingTtl     how long to wait for reviews; default 1h, at most 7d
 * @param accessDuration access window after approval; default and cap: the strictest {@code max_duration}
 */
public record NewRequest(List<String> roles, String reason, Optional<Duration> pendingTtl,
                         Optional<Duration> accessDuration) {

    public NewRequest {
        roles = roles == null ? List.of() : List.copyOf(roles.stream().map(r -> r == null ? "" : r).toList());
        reason = reason == null ? "" : reason;
        pendingTtl = pendingTtl == null ? Optional.empty() : pendingTtl;
        accessDuration = accessDuration == null ? Optional.empty() : accessDuration;
    }

    /** A request for roles with a reason and the default durations. */
    public static NewRequest of(List<String> roles, String reason) {
        return new NewRequest(roles, reason, Optional.empty(), Optional.empty());
    }
}
