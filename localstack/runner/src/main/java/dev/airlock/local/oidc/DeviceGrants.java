package dev.airlock.local.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The device authorization grant's pending authorizations (RFC 8628), in memory and bounded. A device
 * code is polled; its user code is typed on the verification page, where the user approves or denies.
 * Expired codes are remembered a while longer so a late poll hears {@code expired_token}, not
 * "unknown".
 */
final class DeviceGrants {

    static final Duration DEVICE_CODE_TTL = Duration.ofMinutes(10);
    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** RFC 8628 §3.5: slow_down adds 5 seconds to the interval for all later polls. */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
    private static final Duration REMEMBER_EXPIRED = Duration.ofMinutes(10);
    static final int CAPACITY = 1_000;

    enum Status { PENDING, APPROVED, DENIED }

    record Pending(String deviceCode, String userCode, String clientId, List<String> scopes, Instant expires,
                   Duration interval, Optional<Instant> lastPoll, Status status, Optional<SignedIn> signedIn) {

        Pending with(Status newStatus, Optional<SignedIn> who) {
            return new Pending(deviceCode, userCode, clientId, scopes, expires, interval, lastPoll, newStatus, who);
        }

        Pending polled(Instant at, Duration newInterval) {
            return new Pending(deviceCode, userCode, clientId, scopes, expires, newInterval, Optional.of(at), status, signedIn);
        }
    }

    private final Clock clock;
    private final BoundedExpiringMap<String, Pending> byDeviceCode;
    private final BoundedExpiringMap<String, String> deviceCodeByUserCode;

    DeviceGrants(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        byDeviceCode = new BoundedExpiringMap<>(CAPACITY, clock);
        deviceCodeByUserCode = new BoundedExpiringMap<>(CAPACITY, clock);
    }

    /** RFC 8628 §3.2: a new device code and user code for {@code clientId}. */
    synchronized Pending start(String clientId, List<String> scopes) {
        Instant expires = clock.instant().plus(DEVICE_CODE_TTL);
        String userCode = Secrets.userCode();
        while (deviceCodeByUserCode.get(userCode).isPresent()) {
            userCode = Secrets.userCode();
        }
        Pending pending = new Pending(Secrets.opaque(), userCode, clientId, scopes, expires, INTERVAL,
                Optional.empty(), Status.PENDING, Optional.empty());
        byDeviceCode.put(pending.deviceCode(), pending, expires.plus(REMEMBER_EXPIRED));
        deviceCodeByUserCode.put(userCode, pending.deviceCode(), expires);
        return pending;
    }

    /** The authorization a typed user code names, while it still awaits a decision. */
    synchronized Optional<Pending> awaiting(String typedUserCode) {
        return Secrets.normaliseUserCode(typedUserCode)
                .flatMap(deviceCodeByUserCode::get)
                .flatMap(byDeviceCode::get)
                .filter(pending -> pending.status() == Status.PENDING && clock.instant().isBefore(pending.expires()));
    }

    /** Records the user's decision; false when the code no longer awaits one. */
    synchronized boolean decide(String typedUserCode, Optional<SignedIn> approvedBy) {
        Optional<Pending> pending = awaiting(typedUserCode);
        if (pending.isEmpty()) {
            return false;
        }
        deviceCodeByUserCode.remove(pending.get().userCode());
        Status status = approvedBy.isPresent() ? Status.APPROVED : Status.DENIED;
        byDeviceCode.update(pending.get().deviceCode(), current -> current.with(status, approvedBy));
        return true;
    }

    /**
     * RFC 8628 §3.4/3.5: one poll. Returns the approved authorization (consuming the device code), or
     * throws authorization_pending, slow_down, expired_token, access_denied or invalid_grant.
     */
    synchronized Pending poll(String deviceCode, String clientId) {
        Pending pending = byDeviceCode.get(deviceCode).filter(p -> p.clientId().equals(clientId)).orElseThrow(() ->
                OAuthError.invalidGrant("the device code is unknown or was issued to another client"));
        Instant now = clock.instant();
        if (!now.isBefore(pending.expires())) {
            byDeviceCode.remove(deviceCode);
            throw new OAuthError("expired_token", "the device code expired; start again");
        }
        boolean tooSoon = pending.lastPoll().map(last -> now.isBefore(last.plus(pending.interval()))).orElse(false);
        Duration interval = tooSoon ? pending.interval().plus(SLOW_DOWN_STEP) : pending.interval();
        byDeviceCode.update(deviceCode, current -> current.polled(now, interval));
        if (tooSoon) {
            throw new OAuthError("slow_down", "polled too soon; wait " + interval.toSeconds() + "s between polls");
        }
        return switch (pending.status()) {
            case PENDING -> throw new OAuthError("authorization_pending", "the user has not approved yet");
            case DENIED -> {
                byDeviceCode.remove(deviceCode);
                throw new OAuthError("access_denied", "the user denied the authorization");
            }
            case APPROVED -> {
                byDeviceCode.remove(deviceCode);
                yield pending;
            }
        };
    }
}
