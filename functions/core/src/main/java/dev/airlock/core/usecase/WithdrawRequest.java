package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** {@code DELETE /requests/{id}}: the requester drops their PENDING request (→ WITHDRAWN). */
public final class WithdrawRequest {

    /** The audit action of a withdrawal. */
    public static final AuditAction ACTION = AuditAction.REQUEST_WITHDRAWN;

    private final AccessRequestStore store;
    private final Clock clock;

    public WithdrawRequest(AccessRequestStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Withdraws the request; a lost race with a review is retried against the fresh state (so a
     * request approved meanwhile is no longer withdrawable and the call fails with a conflict).
     *
     * @return the request as stored, state WITHDRAWN
     * @throws NotFoundException     code {@code request_not_found}
     * @throws AccessDeniedException code {@code not_requester} when the caller did not make it
     * @throws ConflictException     code {@code invalid_state} when it is not PENDING now,
     *                               {@code concurrent_update} after repeated lost races
     */
    public AccessRequest handle(Identity caller, String id) {
        Requests.required(caller, "caller");
        Instant now = clock.instant();
        AccessRequest read = Requests.require(store, id);
        return OptimisticUpdate.apply(store, read, current -> RequestChange.of(
                current.withdraw(caller.user(), now), now, caller.user(), ACTION,
                AuditDetails.builder().put("previousState", current.state().name()).build()));
    }
}
