package dev.airlock.core.port;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;

/**
 * The KRL index: revocations not yet expired, readable in one query, and the KRL version counter.
 * Every write of an entry increments the version in the same transaction.
 */
public interface RevocationStore {

    /**
     * {@link AccessRequestStore#update} plus, in the same transaction, {@code entry} into the KRL
     * index and the KRL version + 1. So a request's revocation and its certificates' listing in the
     * KRL commit together; a certificate signed concurrently either committed first (and is in
     * {@code updated.certificateSerials()}) or loses the version race and is refused.
     *
     * @throws dev.airlock.domain.error.ConflictException as {@link AccessRequestStore#update}
     */
    AccessRequest updateAndRevoke(AccessRequest updated, AuditRecord record, KrlEntry entry);

    /**
     * Puts {@code entry} (no request involved) and increments the version, in one transaction.
     *
     * @throws dev.airlock.domain.error.ConflictException code {@code already_revoked} if an entry with its id exists
     */
    void revoke(KrlEntry entry);

    /** Whether an entry with this id is in the index (expired entries the sweep has not dropped included). */
    boolean contains(String entryId);

    /** The version, then every entry whose {@code until} is after {@code now}, in one index query. */
    KrlSnapshot unexpired(Instant now);

    /**
     * Drops up to {@code limit} entries whose {@code until} is at or before {@code now}, incrementing the
     * version once if any were dropped.
     *
     * @return how many were dropped
     */
    int dropExpired(Instant now, int limit);
}
