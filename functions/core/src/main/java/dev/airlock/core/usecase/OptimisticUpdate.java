package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.retry.RetryPolicy;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;

import java.util.Optional;
import java.util.function.Function;

/**
 * Compare-and-swap on one request under {@link RetryPolicy#LOST_RACE}: compute the change from the
 * request as read, write it on condition that the stored version is unchanged, and on a lost race
 * re-read and compute again — the domain re-checks every rule against the fresh value, so a retry can
 * never apply a change the new state forbids.
 *
 * <p>Only a conflict thrown by the store's write is retried. A conflict the domain raises while
 * computing the change (already reviewed, not pending) is the answer, and propagates at once.
 */
final class OptimisticUpdate {

    /** Attempts per call before giving up with a conflict (HTTP 409). */
    static final int MAX_ATTEMPTS = RetryPolicy.LOST_RACE.maxAttempts();

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
        return RetryPolicy.LOST_RACE.run(attempt -> {
            AccessRequest current = attempt == 1 ? first : Requests.require(store, first.id());
            RequestChange next = change.apply(current);
            try {
                return Optional.of(write.apply(next));
            } catch (ConflictException lostRace) {
                return Optional.empty();
            }
        }, () -> new ConflictException("concurrent_update", "request " + first.id()
                + " changed concurrently " + MAX_ATTEMPTS + " times; try again"));
    }
}
