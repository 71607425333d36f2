package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.KrlSnapshot;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * {@link RevocationStore} in the requests table. Each revocation is one item,
 * {@code id = "krl#<entry id>"}, carrying the sparse {@value Tables#REQUESTS_BY_KRL} index's keys
 * ({@code krlPart = "krl"}, {@code krlUntil} = epoch second, rounded up) and its serials; no other
 * item has {@code krlPart}, so the KRL is one Query of {@code krlUntil > now} that touches unexpired
 * revocations only. The KRL version is the counter item {@code id = "krl#version"}, incremented
 * ({@code ADD}) in the same transaction as every entry written and every batch the sweep drops.
 * The sweep drops an expired entry from the index by removing its {@code krlPart} (an
 * {@code UpdateItem}: no function may delete items), so the item itself stays as a record that the
 * certificate was revoked.
 */
public final class DynamoDbRevocationStore implements RevocationStore {

    static final String PREFIX = "krl#";
    static final String VERSION_ITEM = "krl#version";
    static final String PARTITION = "krl";
    static final String SERIALS = "krlSerials";
    static final String VERSION = "krlVersion";
    /** Deletes per sweep transaction, leaving room for the version update (TransactWriteItems takes 100). */
    static final int DELETES_PER_TRANSACTION = 99;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final DynamoDbAccessRequestStore requests;

    public DynamoDbRevocationStore(DynamoDbClient dynamoDb, TableNames tables, DynamoDbAccessRequestStore requests) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public AccessRequest updateAndRevoke(AccessRequest updated, AuditRecord record, KrlEntry entry) {
        return requests.update(updated, record, List.of(entryPut(entry, false), versionBump()));
    }

    @Override
    public void revoke(KrlEntry entry) {
        try {
            Writes.transact(dynamoDb, List.of(entryPut(entry, true), versionBump()));
        } catch (TransactionCanceledException e) {
            Cancellation cancellation = Cancellation.of(e);
            if (cancellation.throttled()) {
                throw DynamoDbErrors.throttled("TransactWriteItems", e);
            }
            if (cancellation.conditionFailed(0)) {
                throw new ConflictException("already_revoked", entry.id() + " is already revoked", e);
            }
            throw new ConflictException("concurrent_update", "the KRL changed concurrently; try again", e);
        }
    }

    @Override
    public boolean contains(String entryId) {
        try {
            return dynamoDb.getItem(b -> b.tableName(tables.requests()).key(key(PREFIX + entryId))
                    .consistentRead(true).projectionExpression("#id")
                    .expressionAttributeNames(Map.of("#id", Tables.REQ_ID))).hasItem();
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
    }

    @Override
    public KrlSnapshot unexpired(Instant now) {
        long version = readVersion();
        List<KrlEntry> entries = new ArrayList<>();
        long[] itemsRead = {1};
        query("#until > :now", now, Integer.MAX_VALUE, item -> {
            entries.add(fromItem(item));
            itemsRead[0]++;
        });
        return new KrlSnapshot(version, entries, itemsRead[0]);
    }

    @Override
    public int dropExpired(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        query("#until <= :now", now, limit, item -> due.add(Attr.str(item, Tables.REQ_ID)));
        for (int from = 0; from < due.size(); from += DELETES_PER_TRANSACTION) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(versionBump());
            for (String id : due.subList(from, Math.min(due.size(), from + DELETES_PER_TRANSACTION))) {
                // leave the index, keep the item: contains() still knows the certificate was revoked
                items.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.requests())
                        .key(key(id)).updateExpression("REMOVE #part")
                        .conditionExpression("attribute_exists(#part)")
                        .expressionAttributeNames(Map.of("#part", Tables.REQ_KRL_PART)).build()).build());
            }
            try {
                Writes.transact(dynamoDb, items);
            } catch (TransactionCanceledException e) {
                // another sweep dropped some of them first, or throttling: the next run sees what is left
                throw new ConflictException("concurrent_update", "the KRL index changed during the sweep", e);
            }
        }
        return due.size();
    }

    private void query(String untilCondition, Instant now, int limit,
                       java.util.function.Consumer<Map<String, AttributeValue>> sink) {
        Map<String, AttributeValue> start = null;
        int seen = 0;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(tables.requests())
                    .indexName(Tables.REQUESTS_BY_KRL)
                    .keyConditionExpression("#part = :part AND " + untilCondition)
                    .expressionAttributeNames(Map.of("#part", Tables.REQ_KRL_PART, "#until", Tables.REQ_KRL_UNTIL))
                    .expressionAttributeValues(Map.of(":part", s(PARTITION), ":now", n(now.getEpochSecond())))
                    .exclusiveStartKey(start);
            if (limit != Integer.MAX_VALUE) {
                request.limit(limit - seen);
            }
            QueryResponse response;
            try {
                response = dynamoDb.query(request.build());
            } catch (SdkException e) {
                throw DynamoDbErrors.map("Query", e);
            }
            response.items().forEach(sink);
            seen += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && seen < limit);
    }

    private long readVersion() {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.requests())
                    .key(key(VERSION_ITEM)).consistentRead(true)).item();
            return item == null || !item.containsKey(VERSION) ? 0 : Attr.num(item, VERSION);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
    }

    private TransactWriteItem entryPut(KrlEntry entry, boolean mustBeNew) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.REQ_ID, s(PREFIX + entry.id()));
        item.put(Tables.REQ_KRL_PART, s(PARTITION));
        item.put(Tables.REQ_KRL_UNTIL, n(roundUp(entry.until())));
        item.put(SERIALS, Attr.l(entry.serials().stream().map(Attr::s).toList()));
        String condition = mustBeNew ? "attribute_not_exists(#id)" : "attribute_not_exists(#id) OR #id = :id";
        Map<String, AttributeValue> values = mustBeNew ? Map.of() : Map.of(":id", s(PREFIX + entry.id()));
        return Writes.item(Writes.put(tables.requests(), item, condition, Map.of("#id", Tables.REQ_ID), values));
    }

    private TransactWriteItem versionBump() {
        return TransactWriteItem.builder().update(Update.builder().tableName(tables.requests())
                .key(key(VERSION_ITEM))
                .updateExpression("ADD #version :one")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build()).build();
    }

    private static KrlEntry fromItem(Map<String, AttributeValue> item) {
        String id = Attr.str(item, Tables.REQ_ID).substring(PREFIX.length());
        List<String> serials = Attr.list(item, SERIALS).stream().map(v -> Attr.element(v, SERIALS)).toList();
        return new KrlEntry(id, serials, Instant.ofEpochSecond(Attr.num(item, Tables.REQ_KRL_UNTIL)));
    }

    private static long roundUp(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(Tables.REQ_ID, s(id));
    }
}
