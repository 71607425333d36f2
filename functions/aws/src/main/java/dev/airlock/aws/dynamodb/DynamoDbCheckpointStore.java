package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AuditHead;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * {@link CheckpointStore} in the requests table, beside the other bookkeeping items ({@code chainhead#…}),
 * never in the audit table: an item written there would be a stream change the checkpoint function
 * itself must call tampering. Items:
 * <ul>
 *   <li>{@code checkpoint#latest}: {@code n} (the newest checkpoint, 0 before the first), its
 *       {@code body}, and {@code batches}: how many stage items belong to checkpoint {@code n + 1};</li>
 *   <li>{@code checkpoint#stage#<n+1>#<k>}: one batch's moved heads ({@code heads}: chain → seq, hash) and
 *       {@code records}; expired by TTL once long covered;</li>
 *   <li>{@code checkpoint#head#<chain>}: the chain's last known head.</li>
 * </ul>
 * A batch reads and writes only the head items of the chains it touches; a checkpoint reads only its
 * own stage items. None has {@code state}, so none is in a listing or the audit replay.
 */
public final class DynamoDbCheckpointStore implements CheckpointStore {

    static final String PREFIX = "checkpoint#";
    static final String LATEST = PREFIX + "latest";
    /** Most heads in one stage item, far below DynamoDB's 400 KB item limit. */
    static final int HEADS_PER_STAGE_ITEM = 1000;
    /** How long stage items stay after they were written; any checkpoint interval is far shorter. */
    static final Duration STAGE_RETENTION = Duration.ofDays(30);
    private static final String N = "n";
    private static final String BODY = "body";
    private static final String BATCHES = "batches";
    private static final String HEADS = "heads";
    private static final String RECORDS = "records";
    private static final String SEQ = "seq";
    private static final String HASH = "hash";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final CheckpointItemReads reads;

    public DynamoDbCheckpointStore(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = tables.requests();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reads = new CheckpointItemReads(dynamoDb, table);
    }

    static String headId(String chain) {
        return PREFIX + "head#" + chain;
    }

    static String stageId(long forN, long k) {
        return PREFIX + "stage#" + forN + "#" + k;
    }

    @Override
    public Optional<Checkpoint> latest() {
        return Attr.optStr(ItemReads.consistentGet(dynamoDb, table, LATEST), BODY).map(body -> {
            try {
                return Checkpoint.parse(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedItemException("the latest checkpoint item is invalid: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Map<String, AuditHead> heads(Set<String> chains) {
        Map<String, String> chainById = new LinkedHashMap<>();
        chains.forEach(chain -> chainById.put(headId(chain), chain));
        Map<String, AuditHead> heads = new HashMap<>();
        for (Map<String, AttributeValue> item : reads.get(chainById.keySet())) {
            heads.put(chainById.get(Attr.str(item, Tables.REQ_ID)), head(item));
        }
        return heads;
    }

    @Override
    public Staged staged() {
        Map<String, AttributeValue> latest = ItemReads.consistentGet(dynamoDb, table, LATEST);
        long n = latest.isEmpty() ? 0 : Attr.num(latest, N);
        long batches = latest.containsKey(BATCHES) ? Attr.num(latest, BATCHES) : 0;
        List<String> ids = new ArrayList<>();
        for (long k = 1; k <= batches; k++) {
            ids.add(stageId(n + 1, k));
        }
        Map<String, Map<String, AttributeValue>> byId = new HashMap<>();
        reads.get(ids).forEach(item -> byId.put(Attr.str(item, Tables.REQ_ID), item));
        Map<String, AuditHead> heads = new HashMap<>();
        long records = 0;
        for (String id : ids) { // in stage order: a later batch's head of a chain wins
            Map<String, AttributeValue> item = byId.get(id);
            if (item != null) {
                Attr.map(item, HEADS).forEach((chain, head) -> heads.put(chain, head(Attr.mapElement(head, HEADS))));
                records += Attr.num(item, RECORDS);
            }
        }
        return new Staged(heads, records);
    }

    @Override
    public void stage(Map<String, AuditHead> moved, long records) {
        List<List<Map.Entry<String, AuditHead>>> chunks = chunks(moved);
        Map<String, AttributeValue> latest = update("UpdateItem", () -> dynamoDb.updateItem(b -> b.tableName(table)
                .key(key(LATEST)).updateExpression("SET #n = if_not_exists(#n, :zero) ADD #b :k")
                .expressionAttributeNames(Map.of("#n", N, "#b", BATCHES))
                .expressionAttributeValues(Map.of(":zero", n(0), ":k", n(chunks.size())))
                .returnValues(ReturnValue.ALL_NEW)).attributes());
        long forN = Attr.num(latest, N) + 1;
        long last = Attr.num(latest, BATCHES);
        long ttl = clock.instant().plus(STAGE_RETENTION).getEpochSecond();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, AttributeValue> item = new HashMap<>(key(stageId(forN, last - chunks.size() + 1 + i)));
            Map<String, AttributeValue> heads = new HashMap<>();
            chunks.get(i).forEach(e -> heads.put(e.getKey(), Attr.m(headValue(e.getValue()))));
            item.put(HEADS, Attr.m(heads));
            item.put(RECORDS, n(i == 0 ? records : 0));
            item.put(Tables.REQ_TTL, n(ttl));
            update("PutItem", () -> dynamoDb.putItem(b -> b.tableName(table).item(item)));
        }
        List<Map<String, AttributeValue>> headItems = new ArrayList<>();
        moved.forEach((chain, head) -> {
            Map<String, AttributeValue> item = new HashMap<>(headValue(head));
            item.put(Tables.REQ_ID, s(headId(chain)));
            headItems.add(item);
        });
        reads.putAll(headItems);
    }

    @Override
    public void commit(Checkpoint checkpoint) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table).key(key(LATEST))
                    .updateExpression("SET #n = :n, #body = :body, #b = :zero")
                    .conditionExpression("attribute_not_exists(#n) OR #n = :previous")
                    .expressionAttributeNames(Map.of("#n", N, "#body", BODY, "#b", BATCHES))
                    .expressionAttributeValues(Map.of(":n", n(checkpoint.n()), ":body", s(checkpoint.body()),
                            ":zero", n(0), ":previous", n(checkpoint.n() - 1))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("checkpoint_conflict", "checkpoint " + checkpoint.n()
                    + " is not the next one: another was committed meanwhile", e);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("UpdateItem", e);
        }
    }

    private static List<List<Map.Entry<String, AuditHead>>> chunks(Map<String, AuditHead> moved) {
        List<Map.Entry<String, AuditHead>> all = new ArrayList<>(moved.entrySet());
        List<List<Map.Entry<String, AuditHead>>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += HEADS_PER_STAGE_ITEM) {
            chunks.add(all.subList(from, Math.min(all.size(), from + HEADS_PER_STAGE_ITEM)));
        }
        return chunks;
    }

    private static Map<String, AttributeValue> headValue(AuditHead head) {
        return Map.of(SEQ, n(head.seq()), HASH, s(head.hash()));
    }

    private static AuditHead head(Map<String, AttributeValue> item) {
        try {
            return new AuditHead(Attr.num(item, SEQ), Attr.str(item, HASH));
        } catch (IllegalArgumentException e) {
            throw new MalformedItemException("checkpoint head item is invalid: " + e.getMessage(), e);
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(Tables.REQ_ID, s(id));
    }

    private static <T> T update(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw DynamoDbErrors.map(operation, e);
        }
    }
}
