package dev.airlock.core.port;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where access requests live. Every write carries the audit record of the change and is applied
 * atomically with it (one DynamoDB {@code TransactWriteItems}): there is never a state change
 * without its audit record, nor an audit record without its change.
 */
public interface AccessRequestStore {

    /**
     * The code of the {@link dev.airlock.domain.error.InternalException} {@link #update} throws when the
     * request item does not match its chain: the record it names as its head is missing or altered, or
     * a {@code certificate.issued} record would follow a head that does not leave the request APPROVED
     * ({@link dev.airlock.core.audit.RequestReplay#leavesApproved}).
     */
    String AUDIT_MISMATCH = "audit_mismatch";

    /**
     * Stores a new request together with the first record of its audit chain.
     *
     * @param idempotencyKey when present, scoped to the request's user: if a request was already
     *                       created with this key, nothing is written and that request is returned
     * @return the stored request (the given one, or the earlier one for a repeated idempotency key)
     * @throws dev.airlock.domain.error.ConflictException if the id already exists
     */
    AccessRequest create(AccessRequest request, AuditRecord firstRecord, Optional<String> idempotencyKey);

    /**
     * {@link #create} for a break-glass request, refused when the requester already opened
     * {@code quota.limit()} break-glass requests inside {@code quota.window()} before
     * {@code request.createdAt()}. The count and the write are one atomic step (concurrent break-glass
     * requests by one user cannot exceed the limit).
     *
     * @throws dev.airlock.domain.error.ThrottledException code {@value BreakGlassQuota#RATE_LIMITED},
     *                                                     Retry-After when the oldest leaves the window
     */
    AccessRequest createBreakGlass(AccessRequest request, AuditRecord firstRecord, Optional<String> idempotencyKey,
                                   BreakGlassQuota quota);

    /** Strongly consistent read by id. */
    Optional<AccessRequest> find(String id);

    /**
     * Replaces the stored request by {@code updated} and appends {@code record} to the request's
     * chain, in one transaction. {@code updated.version()} is the version it was read at: the write
     * succeeds only if the stored item still has that version, and stores version + 1.
     * {@code updated.auditHead()} must equal {@code record.head()}.
     *
     * @return the request as stored (with its new version)
     * @throws dev.airlock.domain.error.ConflictException if the stored version differs or the
     *                                                    audit record's sequence number is taken
     * @throws dev.airlock.domain.error.InternalException code {@link #AUDIT_MISMATCH}, checked in the
     *                                                    write's own transaction
     */
    AccessRequest update(AccessRequest updated, AuditRecord record);

    /** The caller's own requests, newest first, optionally only in one state. */
    Page<AccessRequest> listByUser(String user, Optional<RequestState> state, PageRequest page);

    /** Requests in one state, newest first (reviewers' queue). */
    Page<AccessRequest> listByState(RequestState state, PageRequest page);

    /**
     * Ids of open (PENDING or APPROVED) requests whose due time is at or before {@code now}, read
     * from the sparse expiry index only, at most {@code limit}, in no particular order (the index is
     * sharded; a sweep takes them all in turn).
     */
    List<String> findOverdue(Instant now, int limit);
}
