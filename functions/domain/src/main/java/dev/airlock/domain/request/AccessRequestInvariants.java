package dev.airlock.domain.request;

import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The invariants of {@link AccessRequest}, kept apart so the record stays readable. A value that breaks
 * one (a programming error or a corrupt stored item) is refused with {@link IllegalArgumentException}.
 */
final class AccessRequestInvariants {

    record Normalized(List<String> roles, Map<String, List<Threshold>> thresholdsByRole, List<Review> reviews,
            List<String> certificateSerials) {
    }

    private static final Set<RequestState> HAS_ACCESS_WINDOW = Set.of(RequestState.APPROVED, RequestState.REVOKED);
    private static final Set<RequestState> NEVER_APPROVED =
            Set.of(RequestState.PENDING, RequestState.DENIED, RequestState.WITHDRAWN);

    private AccessRequestInvariants() {
    }

    static Normalized check(String id, String user, List<String> roles, String reason, RequestState state,
            Instant createdAt, Instant pendingExpiresAt, Duration accessDuration, Optional<Instant> accessExpiresAt,
            Map<String, List<Threshold>> thresholdsByRole, List<Review> reviews, Optional<String> resolutionReason,
            Optional<Instant> resolvedAt, long version, AuditHead auditHead, List<String> certificateSerials) {
        requireCanonicalUuid(id);
        require(user != null && !user.isBlank(), "user must not be blank");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(pendingExpiresAt, "pendingExpiresAt");
        Objects.requireNonNull(accessDuration, "accessDuration");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        Objects.requireNonNull(resolutionReason, "resolutionReason");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(auditHead, "auditHead");
        require(pendingExpiresAt.isAfter(createdAt), "pendingExpiresAt must be after createdAt");
        require(!accessDuration.isNegative() && !accessDuration.isZero(), "accessDuration must be positive");
        require(version >= 0, "version must not be negative");
        require(!HAS_ACCESS_WINDOW.contains(state) || accessExpiresAt.isPresent(),
                "accessExpiresAt is required in state " + state);
        require(!NEVER_APPROVED.contains(state) || accessExpiresAt.isEmpty(),
                "accessExpiresAt must be empty in state " + state);
        require((state == RequestState.PENDING) == resolvedAt.isEmpty(),
                "resolvedAt must be set exactly when the request has left PENDING");
        List<String> sortedRoles = sortedRoles(roles);
        return new Normalized(sortedRoles, thresholds(sortedRoles, thresholdsByRole),
                List.copyOf(Objects.requireNonNull(reviews, "reviews")), serials(certificateSerials));
    }

    private static void requireCanonicalUuid(String id) {
        Objects.requireNonNull(id, "id");
        boolean canonical;
        try {
            canonical = UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            canonical = false;
        }
        require(canonical, "id must be a UUID in canonical lower-case form: " + id);
    }

    private static List<String> sortedRoles(List<String> roles) {
        Objects.requireNonNull(roles, "roles");
        require(!roles.isEmpty(), "roles must not be empty");
        TreeSet<String> sorted = new TreeSet<>();
        for (String role : roles) {
            require(role != null && !role.isBlank(), "roles must not contain blank names");
            sorted.add(role);
        }
        return List.copyOf(sorted);
    }

    private static Map<String, List<Threshold>> thresholds(List<String> roles, Map<String, List<Threshold>> given) {
        Objects.requireNonNull(given, "thresholdsByRole");
        require(given.keySet().equals(Set.copyOf(roles)), "thresholdsByRole must have exactly the requested roles");
        TreeMap<String, List<Threshold>> copy = new TreeMap<>();
        given.forEach((role, list) -> {
            require(list != null && !list.isEmpty(), "thresholds for role '" + role + "' must not be empty");
            copy.put(role, List.copyOf(list));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static List<String> serials(List<String> serials) {
        Objects.requireNonNull(serials, "certificateSerials");
        for (String serial : serials) {
            require(serial != null && !serial.isBlank(), "certificate serials must not be blank");
        }
        return List.copyOf(serials);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
