package dev.airlock.domain.request;

import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds pending requests for tests. */
public final class RequestFixtures {

    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    public static final String ID = "3f2b8c1e-6d4a-4b7e-9a1f-2c3d4e5f6a7b";
    public static final Duration PENDING_TTL = Duration.ofHours(1);
    public static final Duration ACCESS = Duration.ofHours(4);

    private RequestFixtures() {
    }

    /** A pending request by alice for {@code roles}, each with the given thresholds. */
    public static AccessRequest pending(List<String> roles, List<Threshold> thresholds) {
        Map<String, List<Threshold>> byRole =
                roles.stream().distinct().collect(Collectors.toMap(Function.identity(), r -> thresholds));
        return pending(roles, byRole);
    }

    /** A pending request by alice with thresholds per role. */
    public static AccessRequest pending(List<String> roles, Map<String, List<Threshold>> thresholdsByRole) {
        return AccessRequest.create(ID, "alice", roles, "incident 42", T0, T0.plus(PENDING_TTL), ACCESS,
                thresholdsByRole);
    }

    /** A pending request by alice for dba with the default threshold. */
    public static AccessRequest pendingDba() {
        return pending(List.of("dba"), List.of(Threshold.DEFAULT));
    }

    public static Review approve(String reviewer, Instant at) {
        return new Review(reviewer, Verdict.APPROVE, "ok", at);
    }

    public static Review deny(String reviewer, Instant at) {
        return new Review(reviewer, Verdict.DENY, "no", at);
    }
}
