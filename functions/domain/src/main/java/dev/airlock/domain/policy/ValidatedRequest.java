package dev.airlock.domain.policy;

import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A role request that {@link RequestPolicy} accepted.
 *
 * @param user               the requester
 * @param roles              requested roles, sorted and distinct
 * @param reason             the reason, trimmed; empty when none was given and none was required
 * @param thresholdsByRole   review thresholds per requested role (OR'd), from the base roles that allow it
 * @param maxAccessDuration  strictest {@code max_duration} among the base roles that allow the request;
 *                           empty when none sets one
 */
public record ValidatedRequest(
        String user, List<String> roles, String reason, Map<String, List<Threshold>> thresholdsByRole,
        Optional<Duration> maxAccessDuration) {

    public ValidatedRequest {
        Objects.requireNonNull(user, "user");
        roles = List.copyOf(roles);
        Objects.requireNonNull(reason, "reason");
        TreeMap<String, List<Threshold>> copy = new TreeMap<>();
        thresholdsByRole.forEach((role, list) -> copy.put(role, List.copyOf(list)));
        thresholdsByRole = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(maxAccessDuration, "maxAccessDuration");
    }
}
