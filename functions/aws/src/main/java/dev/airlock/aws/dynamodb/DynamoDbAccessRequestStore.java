package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.retry.RetryPolicy;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * {@link AccessRequestStore} over DynamoDB. Every write is one {@code TransactWriteItems} that puts
 * the request item under a condition and puts its audit record under {@code attribute_not_exists}, so
 * a change and its audit record commit together or not at all (TransactWriteItems API reference).
 *
 * <p>A change is a conditional {@code Put} of the whole item rather than an {@code Update}: the item is
 * always exactly what the mapper writes, so the expiry-index attributes simply vanish on the move to a
 * final state (keeping the index sparse) without a separate {@code REMOVE}. The condition checks the
 * version read and that the stored audit head is the new record's predecessor; a
 * {@link HeadRecordCheck} in the same transaction checks that this predecessor is still the chain's
 * record with that hash (and, before a certificate is recorded, that it leaves the request approved).
 *
 * <p>Conflict codes ({@link ConflictException#code()}):
 * <ul>
 *   <li>{@value #VERSION_CONFLICT}: the stored version moved on, or a concurrent transaction touched the
 *       same item (cancellation reason {@code ConditionalCheckFailed} on the request, or
 *       {@code TransactionConflict}); re-read and retry where the domain allows it;</li>
 *   <li>{@value #DUPLICATE_ID}: {@code create} with an id that exists;</li>
 *   <li>{@value #AUDIT_CONFLICT}: the audit record's sequence number is taken (the chain moved on);</li>
 *   <li>{@value #TRANSACTION_CONFLICT}: {@code create} kept colliding with concurrent transactions.</li>
 * </ul>
 * Throttling is a {@code ThrottledException}; 5xx and client failures an {@code InternalException}.
 */
public final class DynamoDbAccessRequestStore implements AccessRequestStore {

    public static final String VERSION_CONFLICT = "version_conflict";
    public static final String DUPLICATE_ID = "duplicate_id";
    public static final String AUDIT_CONFLICT = "audit_conflict";
    public static final String TRANSACTION_CONFLICT = "transaction_conflict";

    private static final int REQUEST = 0;
    private static final int AUDIT = 1;
    private static final int IDEMPOTENCY = 2;
    private static final int HEAD_RECORD = 2;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final IdempotencyItems idempotency;
    private final RequestQueries queries;
    private final BreakGlassCounters counters;

    /**
     * @param dynamoDb a client built once per process (URL-connection HTTP client)
     * @param tables   the deployed table names
     * @param cursors  signs and checks listing cursors
     * @param clock    for idempotency-item expiry
     */
    public DynamoDbAccessRequestStore(DynamoDbClient dynamoDb, TableNames tables, CursorCodec cursors, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.idempotency = new IdempotencyItems(tables.requests(), Objects.requireNonNull(clock, "clock"));
        this.counters = new BreakGlassCounters(dynamoDb, tables.requests());
        this.queries = new RequestQueries(dynamoDb, tables.requests(), Objects.requireNonNull(cursors, "cursors"));
    }

    @Override
    public AccessRequest create(AccessRequest request, AuditRecord firstRecord, Optional<String> idempotencyKey) {
        return create(request, firstRecord, idempotencyKey, Optional.empty());
    }

    /**
     * Reads the user's break-glass counter, refuses when the quota is used up, and creates the request
     * together with the counter's next value on condition of the version read; a concurrent break-glass
     * by the same user moves the version, and this one re-reads and re-judges.
     */
    @Override
    public AccessRequest createBreakGlass(AccessRequest request, AuditRecord firstRecord,
                                          Optional<String> idempotencyKey, BreakGlassQuota quota) {
        Objects.requireNonNull(quota, "quota");
        return RetryPolicy.LOST_RACE.run(attempt -> {
            BreakGlassCounters.Counter counter = counters.read(request.user());
            List<Instant> recent = quota.recent(counter.openedAt(), request.createdAt());
            quota.check(recent, request.createdAt());
            Put next = counters.next(request.user(), counter, recent, request.createdAt(), quota);
            try {
                return Optional.of(create(request, firstRecord, idempotencyKey, Optional.of(next)));
            } catch (CounterMoved lostRace) {
                return Optional.empty();
            }
        }, () -> new ConflictException(TRANSACTION_CONFLICT,
                "break-glass request " + request.id() + " collided with concurrent ones; retry"));
    }

    /** The user's break-glass counter changed between read and write: re-read and re-judge the quota. */
    private static final class CounterMoved extends RuntimeException {
        CounterMoved() {
            super(null, null, false, false);
        }
    }

    /** @throws CounterMoved when {@code counter}'s condition failed (the same user's concurrent break-glass won) */
    private AccessRequest create(AccessRequest request, AuditRecord firstRecord,
                                           Optional<String> idempotencyKey, Optional<Put> counter) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        AccessRequest stored = checkFirstRecord(request, firstRecord);
        Optional<String> idemId = idempotencyKey.map(key -> IdempotencyItems.itemId(request.user(), key));
        List<TransactWriteItem> items = new ArrayList<>(List.of(
                Writes.item(Writes.put(tables.requests(), RequestItemMapper.toItem(stored, stored.version()),
                        "attribute_not_exists(#id)", Map.of("#id", Tables.REQ_ID), Map.of())),
                Writes.auditPut(tables.audit(), firstRecord)));
        idemId.ifPresent(id -> items.add(Writes.item(idempotency.put(id, stored))));
        counter.ifPresent(put -> items.add(Writes.item(put)));
        return RetryPolicy.LOST_RACE.run(attempt -> {
            try {
                Writes.transact(dynamoDb, items);
                return Optional.of(stored);
            } catch (TransactionCanceledException e) {
                Cancellation cancellation = Cancellation.of(e);
                if (counter.isPresent() && !cancellation.throttled()
                        && cancellation.conditionFailed(items.size() - 1)) {
                    throw new CounterMoved();
                }
                return createFailure(cancellation, firstRecord, idemId, e);
            }
        }, () -> new ConflictException(TRANSACTION_CONFLICT,
                "creating request " + request.id() + " collided with concurrent changes; retry"));
    }

    /**
     * Decides what a cancelled create means: the earlier request of a repeated idempotency key, a
     * retry (empty) after a transaction conflict, or an error.
     */
    private Optional<AccessRequest> createFailure(Cancellation cancellation, AuditRecord firstRecord,
                                                  Optional<String> idemId, TransactionCanceledException e) {
        if (cancellation.throttled()) {
            throw DynamoDbErrors.throttled("TransactWriteItems", e);
        }
        if (idemId.isPresent() && cancellation.conditionFailed(IDEMPOTENCY)) {
            // Empty when the idempotency item expired in between: the next attempt may then succeed.
            return earlierRequest(idemId.get());
        }
        if (cancellation.conditionFailed(REQUEST)) {
            throw new ConflictException(DUPLICATE_ID, "an access request with id "
                    + AuditChains.requestIdOf(firstRecord.chain()).orElse("?") + " exists", e);
        }
        if (cancellation.conditionFailed(AUDIT)) {
            throw auditConflict(firstRecord);
        }
        if (!cancellation.conflicted()) {
            throw unexpected(cancellation, e);
        }
        return Optional.empty();
    }

    @Override
    public Optional<AccessRequest> find(String id) {
        Objects.requireNonNull(id, "id");
        if (!isRequestId(id)) {
            return Optional.empty(); // never resolves other items of the table (config, chain heads, ...)
        }
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(tables.requests()).key(Map.of(Tables.REQ_ID, s(id)))
                    .consistentRead(true)).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(readRequest(item));
    }

    @Override
    public AccessRequest update(AccessRequest updated, AuditRecord record) {
        return update(updated, record, List.of());
    }

    /**
     * {@link #update(AccessRequest, AuditRecord)} with {@code extra} writes in the same transaction,
     * after the request and audit items (so cancellation reasons keep their indexes); a failed
     * condition of an extra write is reported as unexpected.
     */
    AccessRequest update(AccessRequest updated, AuditRecord record, List<TransactWriteItem> extra) {
        checkNextRecord(updated, record);
        long expected = updated.version();
        Put requestPut = Writes.put(tables.requests(), RequestItemMapper.toItem(updated, expected + 1),
                "#version = :expected AND #auditSeq = :prevSeq AND #auditHash = :prevHash",
                Map.of("#version", RequestItemMapper.VERSION, "#auditSeq", RequestItemMapper.AUDIT_SEQ,
                        "#auditHash", RequestItemMapper.AUDIT_HASH),
                Map.of(":expected", n(expected), ":prevSeq", n(record.seq() - 1), ":prevHash", s(record.prevHash())))
                .toBuilder().returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
        try {
            List<TransactWriteItem> items = new ArrayList<>(List.of(Writes.item(requestPut),
                    Writes.auditPut(tables.audit(), record), HeadRecordCheck.of(tables.audit(), record)));
            items.addAll(extra); // after the head-record check: its index is HEAD_RECORD
            Writes.transact(dynamoDb, items);
            return updated.nextVersion();
        } catch (TransactionCanceledException e) {
            throw updateFailure(Cancellation.of(e), updated, record, e);
        }
    }

    @Override
    public Page<AccessRequest> listByUser(String user, Optional<RequestState> state, PageRequest page) {
        return queries.listByUser(user, state, page);
    }

    @Override
    public Page<AccessRequest> listByState(RequestState state, PageRequest page) {
        return queries.listByState(state, page);
    }

    @Override
    public List<String> findOverdue(Instant now, int limit) {
        return queries.findOverdue(now, limit);
    }

    private RuntimeException updateFailure(Cancellation cancellation, AccessRequest updated, AuditRecord record,
                                           TransactionCanceledException e) {
        if (cancellation.throttled()) {
            return DynamoDbErrors.throttled("TransactWriteItems", e);
        }
        if (cancellation.conditionFailed(HEAD_RECORD) && !cancellation.conditionFailed(REQUEST)) {
            return HeadRecordCheck.failure(updated, record, e);
        }
        if (cancellation.conditionFailed(REQUEST)) {
            Optional<Map<String, AttributeValue>> old = cancellation.oldItem(REQUEST);
            if (old.isPresent() && Attr.num(old.get(), RequestItemMapper.VERSION) == updated.version()) {
                return new ConflictException(AUDIT_CONFLICT, "request " + updated.id()
                        + " is at the expected version but its audit head is not the record's predecessor", e);
            }
            if (old.isEmpty() && find(updated.id()).isEmpty()) {
                return new NotFoundException("request_not_found", "no access request with id " + updated.id(), e);
            }
            return new ConflictException(VERSION_CONFLICT, "request " + updated.id()
                    + " changed since version " + updated.version() + " was read", e);
        }
        if (cancellation.conflicted()) {
            return new ConflictException(VERSION_CONFLICT, "request " + updated.id()
                    + " is being changed by a concurrent transaction", e);
        }
        if (cancellation.conditionFailed(AUDIT)) {
            return auditConflict(record);
        }
        return unexpected(cancellation, e);
    }

    private Optional<AccessRequest> earlierRequest(String idemId) {
        Optional<String> requestId;
        try {
            requestId = idempotency.requestIdOf(dynamoDb, idemId);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
        return requestId.map(id -> find(id).orElseThrow(() -> new InternalException("idempotency_dangling",
                "an idempotency record points to request " + id + ", which does not exist")));
    }

    private static AccessRequest checkFirstRecord(AccessRequest request, AuditRecord first) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(first, "firstRecord");
        requireChain(request, first);
        if (first.seq() != 1 || !first.prevHash().equals(AuditHead.GENESIS.hash()) || !first.hashMatches()) {
            throw new IllegalArgumentException("the first audit record must have seq 1, the genesis prevHash and a valid hash");
        }
        if (!request.auditHead().equals(AuditHead.GENESIS) && !request.auditHead().equals(first.head())) {
            throw new IllegalArgumentException("a new request's audit head must be genesis or its first record's head");
        }
        if (request.version() != 0) {
            throw new IllegalArgumentException("a new request has version 0, was " + request.version());
        }
        return request.withAuditHead(first.head());
    }

    private static void checkNextRecord(AccessRequest updated, AuditRecord record) {
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(record, "record");
        requireChain(updated, record);
        if (!updated.auditHead().equals(record.head())) {
            throw new IllegalArgumentException("updated.auditHead() must equal record.head()");
        }
        if (record.seq() < 2 || !record.hashMatches()) {
            throw new IllegalArgumentException("an update's audit record must follow the first and carry a valid hash");
        }
    }

    private static void requireChain(AccessRequest request, AuditRecord record) {
        String chain = AuditChains.forRequest(request.id());
        if (!record.chain().equals(chain)) {
            throw new IllegalArgumentException("audit record of chain '" + record.chain() + "' given for " + chain);
        }
    }

    private static ConflictException auditConflict(AuditRecord record) {
        return new ConflictException(AUDIT_CONFLICT, "audit record " + record.seq() + " of chain "
                + record.chain() + " already exists");
    }

    private static InternalException unexpected(Cancellation cancellation, TransactionCanceledException e) {
        return new InternalException("storage_rejected",
                "DynamoDB cancelled the transaction with reasons " + cancellation.codes(), e);
    }

    static AccessRequest readRequest(Map<String, AttributeValue> item) {
        try {
            return RequestItemMapper.fromItem(item);
        } catch (MalformedItemException e) {
            throw new InternalException("corrupt_item", "a stored access request cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isRequestId(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
