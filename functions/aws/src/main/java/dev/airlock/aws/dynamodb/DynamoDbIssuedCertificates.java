package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.usecase.IssuedCertificates;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Finds {@code certificate.issued} audit records through the audit table's sparse indexes: by serial
 * (one Query, at most one item: serials are 64-bit random) and by holder (one Query per page, latest
 * expiry first; with an instant, the key condition {@code certUntil > :at} reads unexpired ones only).
 */
public final class DynamoDbIssuedCertificates implements IssuedCertificateLookup {

    /**
     * The listing's instant rides in the signed cursor beside the last evaluated key, so every page of
     * one listing uses the first page's key condition (and the cursor's start key stays inside it).
     */
    static final String SINCE = "~since";

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final CursorCodec cursors;

    /** @param cursors signs and checks listing cursors */
    public DynamoDbIssuedCertificates(DynamoDbClient dynamoDb, TableNames tables, CursorCodec cursors) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String serial) {
        List<Map<String, AttributeValue>> items = query(QueryRequest.builder().tableName(tables.audit())
                .indexName(Tables.AUDIT_BY_SERIAL)
                .keyConditionExpression("#serial = :serial")
                .expressionAttributeNames(Map.of("#serial", Tables.AUDIT_SERIAL))
                .expressionAttributeValues(Map.of(":serial", s(serial)))
                .limit(2).build()).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(read(items.get(0)));
    }

    @Override
    public Page<IssuedCertificateRecord> listByHolder(String holder, Optional<Instant> validAt, PageRequest page) {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(validAt, "validAt");
        Objects.requireNonNull(page, "page");
        String scope = Tables.AUDIT_BY_HOLDER + "\n" + holder + "\n" + (validAt.isPresent() ? "unexpired" : "all");
        Map<String, AttributeValue> start = page.cursor().map(c -> new HashMap<>(cursors.decode(c, scope))).orElse(null);
        Optional<Long> since = start == null ? validAt.map(Instant::getEpochSecond)
                : Optional.ofNullable(start.remove(SINCE)).map(v -> Long.parseLong(v.n()));
        Map<String, String> names = new HashMap<>(Map.of("#holder", Tables.AUDIT_CERT_HOLDER));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":holder", s(holder)));
        String condition = "#holder = :holder";
        if (since.isPresent()) {
            condition += " AND #until > :since";
            names.put("#until", Tables.AUDIT_CERT_UNTIL);
            values.put(":since", n(since.get()));
        }
        QueryResponse response = query(QueryRequest.builder().tableName(tables.audit())
                .indexName(Tables.AUDIT_BY_HOLDER)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(page.size())
                .exclusiveStartKey(start)
                .build());
        List<IssuedCertificateRecord> items = response.items().stream().map(this::read).toList();
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(cursors.encode(scope, withSince(response.lastEvaluatedKey(), since)))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static Map<String, AttributeValue> withSince(Map<String, AttributeValue> key, Optional<Long> since) {
        Map<String, AttributeValue> cursor = new LinkedHashMap<>(key);
        since.ifPresent(s -> cursor.put(SINCE, n(s)));
        return cursor;
    }

    private QueryResponse query(QueryRequest request) {
        try {
            return dynamoDb.query(request);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("Query", e);
        }
    }

    private IssuedCertificateRecord read(Map<String, AttributeValue> item) {
        try {
            return IssuedCertificates.fromAudit(AuditItemMapper.fromItem(item));
        } catch (IllegalArgumentException | MalformedItemException e) {
            throw new InternalException("malformed_audit_record", "an issuance record in the audit table cannot be "
                    + "read: " + e.getMessage(), e);
        }
    }
}
