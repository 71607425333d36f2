package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Reading requests the way every use case needs: by a caller-supplied id, and as of now. */
final class Requests {

    private Requests() {
    }

    /**
     * The stored request with this id. A malformed id cannot name a request (ids are canonical
     * UUIDs), so it is "not found" without asking the store: an attacker-chosen string never
     * reaches a database key.
     *
     * @throws NotFoundException code {@code request_not_found}
     */
    static AccessRequest require(AccessRequestStore store, String id) {
        if (!isCanonicalUuid(id)) {
            throw notFound(id);
        }
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The request as it stands at {@code now}: an open request past its expiry is shown as its
     * {@link AccessRequest#expire expired} value (state EXPIRED, resolution time set) before the sweep
     * has recorded it, so every reader sees the same effective state. The version stays the stored one.
     */
    static AccessRequest asOf(AccessRequest request, Instant now) {
        boolean overdue = !request.state().isFinal() && request.isExpiredAt(now);
        return overdue ? request.expire(now) : request;
    }

    private static boolean isCanonicalUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static NotFoundException notFound(String id) {
        String shown = id == null ? "" : " " + Printable.clip(id);
        return new NotFoundException("request_not_found", "no access request" + shown);
    }

    /** Requires a non-null argument with a clear message rather than a bare NullPointerException. */
    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name + " must not be null");
    }
}
