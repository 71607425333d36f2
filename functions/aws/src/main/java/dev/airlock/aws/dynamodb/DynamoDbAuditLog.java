package dev.airlock.aws.dynamodb;

import dev.airlock.aws.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * {@link AuditLog} for the chains no request owns ({@code ca}, {@code config}, {@code user#<name>}).
 *
 * <p>Design: an append reads the chain's head item ({@code chainhead#<chain>} in the requests table),
 * computes the next record from it, and commits one {@code TransactWriteItems} of two conditional
 * Puts: the record ({@code attribute_not_exists}, never overwriting) and the head item (version
 * check). Two writers racing for the same seq cannot both commit; the loser re-reads the head and
 * tries again, at most {@value #MAX_ATTEMPTS} times with a short jittered pause, then gets a conflict.
 * Request chains are not written here: their head lives on the request item, and
 * {@link DynamoDbAccessRequestStore} appends to them in the same transaction as the change.
 */
public final class DynamoDbAuditLog implements AuditLog {

    public static final int MAX_ATTEMPTS = 8;
    public static final int MAX_CHAIN_LENGTH = 256;
    private static final long BASE_PAUSE_MILLIS = 10;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Clock clock;
    private final ChainHeads heads;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heads = new ChainHeads(dynamoDb, tables.requests());
    }

    /**
     * @throws IllegalArgumentException for a request chain or a blank or over-long chain name
     * @throws ConflictException        code {@code audit_conflict} after {@value #MAX_ATTEMPTS} lost races
     */
    @Override
    public AuditRecord append(String chain, String actor, String action, Map<String, String> details) {
        requireOwnChain(chain);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            ChainHeads.Current current = heads.read(chain);
            AuditRecord record = AuditRecord.next(current.head(), chain, clock.instant(), actor, action, details);
            try {
                Writes.transact(dynamoDb, List.of(Writes.auditPut(tables.audit(), record),
                        heads.advance(current, record.head())));
                return record;
            } catch (TransactionCanceledException e) {
                Cancellation cancellation = Cancellation.of(e);
                if (cancellation.throttled()) {
                    throw DynamoDbErrors.throttled("TransactWriteItems", e);
                }
                boolean lostRace = cancellation.conflicted() || cancellation.conditionFailed(0)
                        || cancellation.conditionFailed(1);
                if (!lostRace) {
                    throw new InternalException("storage_rejected",
                            "DynamoDB cancelled the audit append with reasons " + cancellation.codes(), e);
                }
                pause(attempt);
            }
        }
        throw new ConflictException(DynamoDbAccessRequestStore.AUDIT_CONFLICT,
                "could not append to audit chain " + chain + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** Every record of {@code chain} in sequence order (strongly consistent, paged). */
    @Override
    public List<AuditRecord> read(String chain) {
        Objects.requireNonNull(chain, "chain");
        List<AuditRecord> records = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response;
            try {
                response = dynamoDb.query(b -> b.tableName(tables.audit()).consistentRead(true)
                        .keyConditionExpression("#chain = :chain")
                        .expressionAttributeNames(Map.of("#chain", Tables.AUDIT_CHAIN))
                        .expressionAttributeValues(Map.of(":chain", s(chain)))
                        .exclusiveStartKey(exclusiveStart));
            } catch (SdkException e) {
                throw DynamoDbErrors.map("Query", e);
            }
            for (Map<String, AttributeValue> item : response.items()) {
                records.add(readRecord(item));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return records;
    }

    private static AuditRecord readRecord(Map<String, AttributeValue> item) {
        try {
            return AuditItemMapper.fromItem(item);
        } catch (MalformedItemException e) {
            throw new InternalException("corrupt_item", "a stored audit record cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireOwnChain(String chain) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isBlank() || chain.length() > MAX_CHAIN_LENGTH) {
            throw new IllegalArgumentException("chain name must be 1-" + MAX_CHAIN_LENGTH + " characters");
        }
        if (AuditChains.isRequestChain(chain)) {
            throw new IllegalArgumentException("request chains are written by the request store, not the audit log");
        }
    }

    /** Jittered, growing pause so racing writers spread out instead of colliding again. */
    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(BASE_PAUSE_MILLIS * attempt + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException("interrupted", "interrupted while appending to an audit chain", e);
        }
    }
}
