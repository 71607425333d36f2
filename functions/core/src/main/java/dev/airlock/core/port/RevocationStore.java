package dev.airlock.core.port;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;
import java.util.Map;

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

    /**
     * Puts {@code entry} (no request involved), increments the version and appends one record to
     * {@code chain} (a chain {@link AuditLog} owns, e.g. the holder's {@code user#<name>}), all in one
     * transaction: a base-role certificate is never revoked without its {@code certificate.revoked}
     * record, nor recorded as revoked without being in the KRL.
     *
     * @param at the record's timestamp
     * @return the appended record
     * @throws dev.airlock.domain.error.ConflictException code {@code already_revoked} if an entry with its
     *                                                    id exists, {@code audit_conflict} after repeated lost
     *                                                    races for the chain's head
     */
    AuditRecord revokeAndAppend(KrlEntry entry, String chain, Instant at, String actor, AuditAction action,
                                Map<String, String> details);

    /**
     * Whether an entry with this id was ever written: the sweep takes expired entries out of the KRL
     * ({@link #dropExpired}) but they stay records of the revocation, so this stays true.
     */
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
