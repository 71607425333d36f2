package dev.airlock.domain.role;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code spec.allow.request.break_glass}, Airlock's extension of the Teleport role shape (docs/ROLES.md
 * "Break-glass"): roles a holder may open at once, without a reviewer, for a short window, on the
 * condition that a reviewer of those roles reviews the request afterwards. Every role listed here must
 * also be in the same {@code allow.request.roles} (the role file parser refuses it otherwise).
 *
 * @param roles       roles a holder may break glass into
 * @param maxDuration longest break-glass access window; empty means {@link #DEFAULT_MAX_DURATION}
 */
public record BreakGlass(List<String> roles, Optional<Duration> maxDuration) {

    /** The break-glass access window cap when {@code max_duration} is not set. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(30);

    /** Allows no break-glass. */
    public static final BreakGlass NONE = new BreakGlass(List.of(), Optional.empty());

    public BreakGlass {
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        Objects.requireNonNull(maxDuration, "maxDuration");
        maxDuration.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("break-glass maxDuration must be positive: " + d);
            }
        });
    }

    /** The cap of this role's break-glass window. */
    public Duration effectiveMaxDuration() {
        return maxDuration.orElse(DEFAULT_MAX_DURATION);
    }
}
