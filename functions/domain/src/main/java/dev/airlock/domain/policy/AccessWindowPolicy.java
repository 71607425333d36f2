package dev.airlock.domain.policy;

import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The time rules (docs/ARCHITECTURE.md "Domain" and "Certificates"): how long a request may stay pending, how long
 * access lasts once approved, and how long a certificate is valid. The pending TTL and the access window
 * are separate: one bounds waiting for reviewers, the other bounds the granted access.
 */
public final class AccessWindowPolicy {

    /** How long a request waits for reviews when the requester does not say. */
    public static final Duration DEFAULT_PENDING_TTL = Duration.ofHours(1);

    /** Longest a request may wait for reviews. */
    public static final Duration MAX_PENDING_TTL = Duration.ofDays(7);

    /** Access window cap when no role that allowed the request sets {@code max_duration}. */
    public static final Duration DEFAULT_MAX_ACCESS_DURATION = Duration.ofHours(1);

    /** Certificate lifetime cap when no role sets {@code max_session_ttl}. */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(8);

    /** Certificates start this far in the past to tolerate clock skew between hosts. */
    public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(60);

    private final Clock clock;

    public AccessWindowPolicy(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The current instant of the injected clock. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * When a request made now stops waiting for reviews.
     *
     * @throws InvalidRequestException code {@code invalid_duration} for a non-positive TTL,
     *                                 {@code pending_ttl_too_long} above {@link #MAX_PENDING_TTL}
     */
    public Instant pendingExpiresAt(Optional<Duration> requestedTtl) {
        Duration ttl = requestedTtl.orElse(DEFAULT_PENDING_TTL);
        requirePositive(ttl, "pending TTL");
        if (ttl.compareTo(MAX_PENDING_TTL) > 0) {
            throw new InvalidRequestException("pending_ttl_too_long",
                    "pending TTL " + ttl + " exceeds the maximum " + MAX_PENDING_TTL);
        }
        return now().plus(ttl);
    }

    /**
     * The access window granted on approval: the requested duration, or the cap when none is requested.
     * The cap is the strictest {@code max_duration} of the roles that allowed the request, or
     * {@link #DEFAULT_MAX_ACCESS_DURATION}.
     *
     * @throws InvalidRequestException code {@code invalid_duration} for a non-positive duration,
     *                                 {@code duration_too_long} when the request exceeds the cap
     */
    public Duration accessDuration(Optional<Duration> strictestMaxDuration, Optional<Duration> requested) {
        Duration cap = strictestMaxDuration.orElse(DEFAULT_MAX_ACCESS_DURATION);
        if (requested.isEmpty()) {
            return cap;
        }
        Duration wanted = requested.get();
        requirePositive(wanted, "access duration");
        if (wanted.compareTo(cap) > 0) {
            throw new InvalidRequestException("duration_too_long",
                    "requested access duration " + wanted + " exceeds the maximum " + cap + " allowed by your roles");
        }
        return wanted;
    }

    /**
     * A certificate's validity from now: {@code valid_after = now − 60 s},
     * {@code valid_before = min(access expiry, now + strictest max_session_ttl)}.
     *
     * @param accessExpiresAt      end of the approved access window, when issuing under a request
     * @param strictestSessionTtl  strictest {@code max_session_ttl} of the roles the certificate carries
     * @throws ConflictException code {@code access_expired} when the window has already closed
     */
    public CertificateValidity certificateValidity(
            Optional<Instant> accessExpiresAt, Optional<Duration> strictestSessionTtl) {
        Instant now = now();
        Instant before = now.plus(strictestSessionTtl.orElse(DEFAULT_SESSION_TTL));
        if (accessExpiresAt.isPresent() && accessExpiresAt.get().isBefore(before)) {
            before = accessExpiresAt.get();
        }
        if (!before.isAfter(now)) {
            throw new ConflictException("access_expired", "the access window has already closed");
        }
        return new CertificateValidity(now.minus(CLOCK_SKEW_ALLOWANCE), before);
    }

    private static void requirePositive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new InvalidRequestException("invalid_duration", what + " must be positive, got " + d);
        }
    }

    /** A certificate's validity interval. */
    public record CertificateValidity(Instant validAfter, Instant validBefore) {
    }
}
