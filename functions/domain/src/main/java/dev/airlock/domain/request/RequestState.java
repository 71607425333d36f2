package dev.airlock.domain.request;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of an access request (docs/ARCHITECTURE.md "Access request"). {@link #WITHDRAWN} is an addition to
 * the design: the requester drops a pending request; requests are never deleted, so it needs a state.
 *
 * <pre>
 * PENDING  → APPROVED | DENIED | EXPIRED | WITHDRAWN
 * APPROVED → EXPIRED | REVOKED
 * </pre>
 * DENIED, EXPIRED, REVOKED and WITHDRAWN are final.
 */
public enum RequestState {
    PENDING,
    APPROVED,
    DENIED,
    EXPIRED,
    REVOKED,
    WITHDRAWN;

    /** Whether no transition leaves this state. */
    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** Whether a request in this state may move to {@code next}. */
    public boolean canMoveTo(RequestState next) {
        return successors().contains(next);
    }

    /** The states this one may move to. */
    public Set<RequestState> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, DENIED, EXPIRED, WITHDRAWN);
            case APPROVED -> EnumSet.of(EXPIRED, REVOKED);
            case DENIED, EXPIRED, REVOKED, WITHDRAWN -> EnumSet.noneOf(RequestState.class);
        };
    }
}
