package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.request.AccessRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduled sweep (every minute): records the expiry of open requests whose pending TTL or access
 * window has passed, and drops from the KRL index the revocations whose certificates have all expired
 * (the KRL already leaves them out; this keeps the index holding unexpired revocations only). Correctness never waits for it (every read judges expiry itself); it makes the
 * stored state and the audit trail catch up.
 *
 * <p>Idempotent: each id is re-read and expired only if it is still open and due, on condition of the
 * version read, so two overlapping runs record each expiry once. Bounded: at most
 * {@link #MAX_PER_RUN} requests per run; the rest wait for the next run.
 */
public final class ExpireRequests {

    /** Most requests handled per run, keeping one run well inside a Lambda timeout. */
    public static final int MAX_PER_RUN = 200;

    /** The actor of the sweep's audit records. */
    public static final String ACTOR = "system";

    /** The audit action of an expiry. */
    public static final AuditAction ACTION = AuditAction.REQUEST_EXPIRED;

    /** The store's refusal to write a request its audit chain does not match (see AccessRequestStore#update). */
    static final String AUDIT_MISMATCH = AccessRequestStore.AUDIT_MISMATCH;

    private final AccessRequestStore store;
    private final Optional<RevocationStore> revocations;
    private final Clock clock;

    /** A sweep of requests only (no KRL index to tend). */
    public ExpireRequests(AccessRequestStore store, Clock clock) {
        this(store, Optional.empty(), clock);
    }

    /** A sweep that also drops revocations whose certificates have all expired from the KRL index. */
    public ExpireRequests(AccessRequestStore store, RevocationStore revocations, Clock clock) {
        this(store, Optional.of(revocations), clock);
    }

    private ExpireRequests(AccessRequestStore store, Optional<RevocationStore> revocations, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One sweep. A conflict on one request is counted, never thrown (the next run sees it again if
     * it is still open); other failures (throttling, an unavailable store) end the run, which is safe
     * because nothing half-done is left behind.
     */
    public SweepResult run() {
        Instant now = clock.instant();
        List<String> ids = store.findOverdue(now, MAX_PER_RUN);
        int expired = 0;
        int skipped = 0;
        int conflicts = 0;
        for (String id : ids) {
            switch (expireOne(id, now)) {
                case EXPIRED -> expired++;
                case SKIPPED -> skipped++;
                case CONFLICT -> conflicts++;
            }
        }
        int dropped = revocations.map(r -> r.dropExpired(now, MAX_PER_RUN)).orElse(0);
        return new SweepResult(ids.size(), expired, skipped, conflicts, dropped);
    }

    private enum Outcome { EXPIRED, SKIPPED, CONFLICT }

    private Outcome expireOne(String id, Instant now) {
        Optional<AccessRequest> read = store.find(id);
        if (read.isEmpty() || read.get().state().isFinal() || !read.get().isExpiredAt(now)) {
            return Outcome.SKIPPED;
        }
        AccessRequest request = read.get();
        RequestChange change = RequestChange.of(request.expire(now), now, ACTOR, ACTION, AuditDetails.builder()
                .put("previousState", request.state().name())
                .put("dueAt", request.openUntil().orElseThrow())
                .build());
        try {
            store.update(change.updated(), change.record());
            return Outcome.EXPIRED;
        } catch (ConflictException lostRace) {
            return Outcome.CONFLICT;
        } catch (InternalException e) {
            if (!AUDIT_MISMATCH.equals(e.code())) {
                throw e;
            }
            // A request whose item its chain does not justify (audit verify names it) must not stop
            // the sweep of every other one; it is counted with the conflicts and left as it is.
            return Outcome.CONFLICT;
        }
    }
}
