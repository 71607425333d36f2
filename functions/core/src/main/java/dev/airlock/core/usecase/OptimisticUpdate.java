package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;

import java.util.function.Function;

/**
 * Compare-and-swap on one request with a bounded retry (CONVENTIONS.md, after Teleport): compute the
 * change from the request as read, write it on condition that the stored version is unchanged, and on
 * a lost race re-read and compute again — the domain re-checks every rule against the fresh value, so
 * a retry can never apply a change the new state forbids.
 *
 * <p>Only a conflict thrown by the store's write is retried. A conflict the domain raises while
 * computing the change (already reviewed, not pending) is the answer, and propagates at once.
 */
final class OptimisticUpdate {

    /** Attempts per call before giving up with a conflict (HTTP 409); a retry is cheap, a livelock is not. */
    static final int MAX_ATTEMPTS = 5;

    private OptimisticUpdate() {
    }

    /**
     * Applies {@code change} to {@code first}, then to fresh reads after each lost race.
     *
     * @return the request as stored (new version)
     * @throws ConflictException code {@code concurrent_update} after {@link #MAX_ATTEMPTS} lost races;
     *                           anything {@code change} throws propagates unchanged
     */
    static AccessRequest apply(AccessRequestStore store, AccessRequest first,
                               Function<AccessRequest, RequestChange> change) {
        return apply(store, first, change, next -> store.update(next.updated(), next.record()));
    }

    /**
     * As {@link #apply(AccessRequestStore, AccessRequest, Function)}, writing each attempt with
     * {@code write} (a conditional write with the same contract as {@code AccessRequestStore.update},
     * e.g. one that also revokes certificates in the same transaction).
     */
    static AccessRequest apply(AccessRequestStore store, AccessRequest first,
                               Function<AccessRequest, RequestChange> change,
                               Function<RequestChange, AccessRequest> write) {
        AccessRequest current = first;
        for (int attempt = 1; ; attempt++) {
            RequestChange next = change.apply(current);
            try {
                return write.apply(next);
            } catch (ConflictException lostRace) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new ConflictException("concurrent_update", "request " + first.id()
                            + " changed concurrently " + MAX_ATTEMPTS + " times; try again", lostRace);
                }
            }
            current = Requests.require(store, first.id());
        }
    }
}
