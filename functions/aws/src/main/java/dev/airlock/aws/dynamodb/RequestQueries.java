package dev.airlock.aws.dynamodb;

import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * The read-side queries of the request store: listings on the {@code byUser} / {@code byState}
 * indexes (newest first, signed cursors) and the overdue scan of the sparse, sharded expiry index.
 */
final class RequestQueries {

    /** Most ids {@link #findOverdue} returns per call; the sweep runs every minute. */
    static final int MAX_OVERDUE = 1000;
    /**
     * A filtered listing may need several Query calls to fill a page (DynamoDB applies Limit before
     * the filter, Query API reference); this bounds the reads one listing call may cost.
     */
    static final int MAX_QUERY_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CursorCodec cursors;

    RequestQueries(DynamoDbClient dynamoDb, String table, CursorCodec cursors) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cursors = cursors;
    }

    Page<AccessRequest> listByUser(String user, Optional<RequestState> state, PageRequest page) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(page, "page");
        String scope = Tables.REQUESTS_BY_USER + "\n" + user + "\n" + state.map(Enum::name).orElse("*");
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Tables.REQUESTS_BY_USER)
                .keyConditionExpression("#user = :user")
                .scanIndexForward(false);
        Map<String, String> names = new HashMap<>(Map.of("#user", Tables.REQ_USER));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":user", s(user)));
        if (state.isPresent()) {
            query.filterExpression("#state = :state");
            names.put("#state", Tables.REQ_STATE);
            values.put(":state", s(state.get().name()));
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        return page(query, scope, page);
    }

    Page<AccessRequest> listByState(RequestState state, PageRequest page) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(page, "page");
        String scope = Tables.REQUESTS_BY_STATE + "\n" + state.name();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Tables.REQUESTS_BY_STATE)
                .keyConditionExpression("#state = :state")
                .expressionAttributeNames(Map.of("#state", Tables.REQ_STATE))
                .expressionAttributeValues(Map.of(":state", s(state.name())))
                .scanIndexForward(false);
        return page(query, scope, page);
    }

    /**
     * Reads each expiry shard with {@code dueAt <= now}. The index is KEYS_ONLY and holds only open
     * requests, so every item read is an overdue request and nothing else is read.
     */
    List<String> findOverdue(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 1 || limit > MAX_OVERDUE) {
            throw new InvalidRequestException("invalid_limit", "limit must be between 1 and " + MAX_OVERDUE);
        }
        List<String> ids = new ArrayList<>();
        for (String shard : ExpiryShard.all()) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse response = query(QueryRequest.builder().tableName(table)
                        .indexName(Tables.REQUESTS_BY_EXPIRY)
                        .keyConditionExpression("#shard = :shard AND #due <= :now")
                        .expressionAttributeNames(Map.of("#shard", Tables.REQ_EXPIRY_SHARD, "#due", Tables.REQ_DUE_AT))
                        .expressionAttributeValues(Map.of(":shard", s(shard), ":now", n(now.getEpochSecond())))
                        .limit(limit - ids.size())
                        .exclusiveStartKey(start)
                        .build());
                response.items().forEach(item -> ids.add(Attr.str(item, Tables.REQ_ID)));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null && ids.size() < limit);
            if (ids.size() >= limit) {
                break;
            }
        }
        return ids;
    }

    /**
     * Fills one page: each round asks for at most the rows still missing, so a page never overshoots
     * and the cursor (the last evaluated key) never skips a matching item.
     */
    private Page<AccessRequest> page(QueryRequest.Builder query, String scope, PageRequest page) {
        Map<String, AttributeValue> start = page.cursor().map(c -> cursors.decode(c, scope)).orElse(null);
        List<AccessRequest> items = new ArrayList<>();
        for (int round = 0; round < MAX_QUERY_ROUNDS && items.size() < page.size(); round++) {
            QueryResponse response = query(query.limit(page.size() - items.size()).exclusiveStartKey(start).build());
            response.items().forEach(item -> items.add(DynamoDbAccessRequestStore.readRequest(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (start == null) {
                break;
            }
        }
        return new Page<>(items, Optional.ofNullable(start).map(key -> cursors.encode(scope, key)));
    }

    private QueryResponse query(QueryRequest request) {
        try {
            return dynamoDb.query(request);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("Query", e);
        }
    }
}
