package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.retry.RetryPolicy;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * {@link AuditLog} for the chains no request owns ({@code ca}, {@code config}, {@code user#<name>}).
 *
 * <p>Design: {@link ChainAppender} reads the chain's head item ({@code chainhead#<chain>} in the
 * requests table), computes the next record from it, and commits the record and the moved head in one
 * transaction, retrying a lost race under {@link RetryPolicy#LOST_RACE}.
 * Request chains are not written here: their head lives on the request item, and
 * {@link DynamoDbAccessRequestStore} appends to them in the same transaction as the change.
 */
public final class DynamoDbAuditLog implements AuditLog {

    public static final int MAX_CHAIN_LENGTH = 256;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final ChainAppender appender;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.appender = new ChainAppender(dynamoDb, tables, clock);
    }

    /**
     * @throws IllegalArgumentException for a request chain or a blank or over-long chain name
     * @throws ConflictException        code {@code audit_conflict} after the retry policy's last lost race
     */
    @Override
    public AuditRecord append(String chain, String actor, AuditAction action, Map<String, String> details) {
        requireOwnChain(chain);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(details, "details");
        return appender.append(chain, actor, action, details, () -> new ConflictException(
                DynamoDbAccessRequestStore.AUDIT_CONFLICT, "could not append to audit chain " + chain + " after "
                + RetryPolicy.LOST_RACE.maxAttempts() + " attempts"));
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

    /** Asked with a condition check on the head record: no read permission on the audit table needed. */
    @Override
    public boolean lastRecordMatches(String chain, AuditAction action, Map<String, String> expected) {
        requireOwnChain(chain);
        return new LastRecordCheck(dynamoDb, tables).matches(chain, action, expected);
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
}
