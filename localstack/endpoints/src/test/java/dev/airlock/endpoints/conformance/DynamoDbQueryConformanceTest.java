package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.airlock.endpoints.conformance.DynamoDbFixtures.item;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.n;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Query and Scan as the API reference describes them: key conditions, sort order, filters,
 * paging with Limit and ExclusiveStartKey/LastEvaluatedKey, global secondary indexes (sparse,
 * KEYS_ONLY, INCLUDE), Select COUNT and projections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbQueryConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private DynamoDbClient dynamo;
    private String audit;
    private String requests;

    @BeforeAll
    void createTables() {
        dynamo = target.dynamoDb();
        audit = DynamoDbFixtures.table(target.uniqueName("audit")).hash("chain", ScalarAttributeType.S)
                .range("seq", ScalarAttributeType.N).create(dynamo);
        requests = DynamoDbFixtures.table(target.uniqueName("requests")).hash("id", ScalarAttributeType.S)
                .index("byState", "state", ScalarAttributeType.S, "createdKey", ScalarAttributeType.S, ProjectionType.ALL)
                .index("byExpiry", "expiryShard", ScalarAttributeType.S, "dueAt", ScalarAttributeType.N,
                        ProjectionType.KEYS_ONLY)
                .index("byUser", "user", ScalarAttributeType.S, "createdKey", ScalarAttributeType.S,
                        ProjectionType.INCLUDE, "reason")
                .create(dynamo);
        for (int seq : new int[] {1, 2, 3, 10, 11, 20, 100}) {
            dynamo.putItem(r -> r.tableName(audit).item(item("chain", s("c1"), "seq", n(seq), "kind", s(seq % 2 == 0 ? "even" : "odd"))));
        }
        dynamo.putItem(r -> r.tableName(audit).item(item("chain", s("c2"), "seq", n(1))));
        for (int i = 0; i < 9; i++) {
            Map<String, AttributeValue> request = item("id", s("r" + i), "state", s(i < 6 ? "PENDING" : "DENIED"),
                    "user", s("alice"), "createdKey", s("2025-01-0" + (i % 3)), "reason", s("because " + i),
                    "secret", s("not projected"));
            if (i < 6) {
                request.put("expiryShard", s("0"));
                request.put("dueAt", n(1000 + i));
            }
            dynamo.putItem(r -> r.tableName(requests).item(request));
        }
    }

    @AfterAll
    void deleteTables() {
        DynamoDbFixtures.deleteQuietly(dynamo, audit);
        DynamoDbFixtures.deleteQuietly(dynamo, requests);
    }

    private List<String> seqs(QueryResponse response) {
        return response.items().stream().map(i -> i.get("seq").n()).toList();
    }

    private QueryResponse queryAudit(String sortCondition, Map<String, AttributeValue> values, boolean forward) {
        Map<String, AttributeValue> all = new LinkedHashMap<>(values);
        all.put(":c", s("c1"));
        return dynamo.query(r -> r.tableName(audit).keyConditionExpression("chain = :c" + sortCondition)
                .expressionAttributeValues(all).scanIndexForward(forward));
    }

    @Test
    void query_returnsThePartitionInNumericSortKeyOrder_andReversed() {
        assertThat(seqs(queryAudit("", Map.of(), true))).containsExactly("1", "2", "3", "10", "11", "20", "100");
        assertThat(seqs(queryAudit("", Map.of(), false))).containsExactly("100", "20", "11", "10", "3", "2", "1");
    }

    @Test
    void query_supportsEverySortKeyCondition() {
        assertThat(seqs(queryAudit(" AND seq = :v", Map.of(":v", n(10)), true))).containsExactly("10");
        assertThat(seqs(queryAudit(" AND seq < :v", Map.of(":v", n(10)), true))).containsExactly("1", "2", "3");
        assertThat(seqs(queryAudit(" AND seq <= :v", Map.of(":v", n(10)), true))).containsExactly("1", "2", "3", "10");
        assertThat(seqs(queryAudit(" AND seq > :v", Map.of(":v", n(11)), true))).containsExactly("20", "100");
        assertThat(seqs(queryAudit(" AND seq >= :v", Map.of(":v", n(11)), true))).containsExactly("11", "20", "100");
        assertThat(seqs(queryAudit(" AND seq BETWEEN :a AND :b", Map.of(":a", n(2), ":b", n(11)), true)))
                .containsExactly("2", "3", "10", "11");
        QueryResponse byPrefix = dynamo.query(r -> r.tableName(requests).indexName("byState")
                .keyConditionExpression("#s = :s AND begins_with(createdKey, :p)")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(item(":s", s("PENDING"), ":p", s("2025-01-01"))));
        assertThat(byPrefix.items()).extracting(i -> i.get("id").s()).containsExactlyInAnyOrder("r1", "r4");
    }

    @Test
    void limit_countsItemsEvaluatedBeforeTheFilter() {
        QueryResponse page = dynamo.query(r -> r.tableName(audit).keyConditionExpression("chain = :c")
                .filterExpression("kind = :even").expressionAttributeValues(item(":c", s("c1"), ":even", s("even")))
                .limit(3));

        assertThat(page.scannedCount()).isEqualTo(3);
        assertThat(page.count()).isEqualTo(1);
        assertThat(seqs(page)).containsExactly("2");
        assertThat(page.lastEvaluatedKey()).isEqualTo(item("chain", s("c1"), "seq", n(3)));
    }

    @Test
    void paging_withLimit_returnsEveryItemOnce_andTheLastEvaluatedKeyIsTheTableKey() {
        List<String> seen = new ArrayList<>();
        List<QueryResponse> pages = pages(r -> r.tableName(audit).keyConditionExpression("chain = :c")
                .expressionAttributeValues(item(":c", s("c1"))).limit(2));

        pages.forEach(page -> seen.addAll(seqs(page)));
        assertThat(seen).containsExactly("1", "2", "3", "10", "11", "20", "100");
        assertThat(pages.get(0).lastEvaluatedKey()).isEqualTo(item("chain", s("c1"), "seq", n(2)));
        assertThat(pages.get(0).count()).isEqualTo(2);
    }

    @Test
    void paging_backwards_resumesBeforeTheLastEvaluatedKey() {
        List<String> seen = new ArrayList<>();
        pages(r -> r.tableName(audit).keyConditionExpression("chain = :c")
                .expressionAttributeValues(item(":c", s("c1"))).limit(3).scanIndexForward(false))
                .forEach(page -> seen.addAll(seqs(page)));

        assertThat(seen).containsExactly("100", "20", "11", "10", "3", "2", "1");
    }

    @Test
    void indexPaging_returnsEveryItemOnce_evenWithEqualIndexKeys_andTheKeyHoldsIndexAndTableKeys() {
        List<QueryResponse> pages = pages(r -> r.tableName(requests).indexName("byState")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(item(":s", s("PENDING"))).limit(2));

        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.items().forEach(i -> ids.add(i.get("id").s())));
        assertThat(ids).containsExactlyInAnyOrder("r0", "r1", "r2", "r3", "r4", "r5");
        assertThat(pages.get(0).lastEvaluatedKey()).containsOnlyKeys("id", "state", "createdKey");
        List<String> created = new ArrayList<>();
        pages.forEach(page -> page.items().forEach(i -> created.add(i.get("createdKey").s())));
        assertThat(created).isSorted();
    }

    @Test
    void sparseIndex_holdsOnlyItemsWithItsKeyAttributes_andKeysOnlyProjectsKeys() {
        QueryResponse due = dynamo.query(r -> r.tableName(requests).indexName("byExpiry")
                .keyConditionExpression("expiryShard = :shard AND dueAt <= :now")
                .expressionAttributeValues(item(":shard", s("0"), ":now", n(1003))));
        ScanResponse scanned = dynamo.scan(r -> r.tableName(requests).indexName("byExpiry"));

        assertThat(due.items()).extracting(i -> i.get("dueAt").n()).containsExactly("1000", "1001", "1002", "1003");
        assertThat(due.items().get(0)).containsOnlyKeys("id", "expiryShard", "dueAt");
        assertThat(scanned.count()).isEqualTo(6);
    }

    @Test
    void removingAnIndexKeyAttribute_takesTheItemOutOfTheSparseIndex_andSettingItPutsItBack() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("moving"), "expiryShard", s("9"), "dueAt", n(5))));
        Runnable expectInIndex = () -> assertThat(dynamo.query(r -> r.tableName(requests).indexName("byExpiry")
                .keyConditionExpression("expiryShard = :nine").expressionAttributeValues(item(":nine", s("9")))).count())
                .isEqualTo(1);

        expectInIndex.run();
        dynamo.updateItem(r -> r.tableName(requests).key(item("id", s("moving"))).updateExpression("REMOVE expiryShard"));
        assertThat(dynamo.query(r -> r.tableName(requests).indexName("byExpiry")
                .keyConditionExpression("expiryShard = :nine").expressionAttributeValues(item(":nine", s("9")))).count())
                .isZero();
        dynamo.updateItem(r -> r.tableName(requests).key(item("id", s("moving"))).updateExpression("SET expiryShard = :nine")
                .expressionAttributeValues(item(":nine", s("9"))));
        expectInIndex.run();
        dynamo.deleteItem(r -> r.tableName(requests).key(item("id", s("moving"))));
    }

    @Test
    void includeProjection_holdsKeysAndTheIncludedAttributes() {
        QueryResponse byUser = dynamo.query(r -> r.tableName(requests).indexName("byUser")
                .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", "user"))
                .expressionAttributeValues(item(":u", s("alice"))));

        assertThat(byUser.count()).isEqualTo(9);
        assertThat(byUser.items().get(0)).containsOnlyKeys("id", "user", "createdKey", "reason");
    }

    @Test
    void selectCount_returnsTheCountWithoutItems() {
        QueryResponse counted = dynamo.query(r -> r.tableName(audit).keyConditionExpression("chain = :c")
                .expressionAttributeValues(item(":c", s("c1"))).select(Select.COUNT));

        assertThat(counted.count()).isEqualTo(7);
        assertThat(counted.hasItems()).isFalse();
    }

    @Test
    void projectionExpression_limitsTheReturnedAttributes() {
        QueryResponse projected = dynamo.query(r -> r.tableName(audit).keyConditionExpression("chain = :c AND seq = :one")
                .projectionExpression("seq").expressionAttributeValues(item(":c", s("c1"), ":one", n(1))));

        assertThat(projected.items()).containsExactly(item("seq", n(1)));
    }

    @Test
    void scan_pagesThroughEveryItemOnce_andFiltersAfterReading() {
        List<ScanResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> r.tableName(audit).limit(3).exclusiveStartKey(from));
            pages.add(page);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        ScanResponse filtered = dynamo.scan(r -> r.tableName(audit).filterExpression("kind = :odd")
                .expressionAttributeValues(item(":odd", s("odd"))));

        assertThat(pages.stream().mapToInt(ScanResponse::count).sum()).isEqualTo(8);
        assertThat(pages.get(0).lastEvaluatedKey()).containsOnlyKeys("chain", "seq");
        assertThat(filtered.count()).isEqualTo(3);
        assertThat(filtered.scannedCount()).isEqualTo(8);
    }

    @Test
    void parallelScanSegments_togetherCoverEveryItemOnce() {
        List<String> ids = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            int current = segment;
            dynamo.scan(r -> r.tableName(requests).segment(current).totalSegments(3))
                    .items().forEach(i -> ids.add(i.get("id").s()));
        }
        assertThat(ids).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void invalidReads_raiseValidationException() {
        Map<String, Runnable> invalid = new LinkedHashMap<>();
        invalid.put("consistent read on a GSI", () -> dynamo.query(r -> r.tableName(requests).indexName("byState")
                .consistentRead(true).keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(item(":s", s("PENDING")))));
        invalid.put("unknown index", () -> dynamo.query(r -> r.tableName(requests).indexName("nope")
                .keyConditionExpression("id = :s").expressionAttributeValues(item(":s", s("x")))));
        invalid.put("filter on a key attribute", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("chain = :c").filterExpression("seq > :one")
                .expressionAttributeValues(item(":c", s("c1"), ":one", n(1)))));
        invalid.put("no partition key condition", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("seq = :one").expressionAttributeValues(item(":one", n(1)))));
        invalid.put("non-key attribute in key condition", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("chain = :c AND kind = :k").expressionAttributeValues(item(":c", s("c1"), ":k", s("odd")))));
        invalid.put("inequality on the partition key", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("chain > :c").expressionAttributeValues(item(":c", s("c1")))));
        invalid.put("OR in a key condition", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("chain = :c OR seq = :one").expressionAttributeValues(item(":c", s("c1"), ":one", n(1)))));
        invalid.put("key value of the wrong type", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("chain = :c AND seq = :one").expressionAttributeValues(item(":c", s("c1"), ":one", s("1")))));
        invalid.put("ALL_ATTRIBUTES on a KEYS_ONLY index", () -> dynamo.query(r -> r.tableName(requests)
                .indexName("byExpiry").select(Select.ALL_ATTRIBUTES).keyConditionExpression("expiryShard = :s")
                .expressionAttributeValues(item(":s", s("0")))));
        invalid.put("Limit 0", () -> dynamo.query(r -> r.tableName(audit).limit(0)
                .keyConditionExpression("chain = :c").expressionAttributeValues(item(":c", s("c1")))));
        invalid.put("start key that does not match the schema", () -> dynamo.query(r -> r.tableName(audit)
                .keyConditionExpression("chain = :c").expressionAttributeValues(item(":c", s("c1")))
                .exclusiveStartKey(item("chain", s("c1")))));
        for (Map.Entry<String, Runnable> request : invalid.entrySet()) {
            DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class, request.getValue()::run);
            assertThat(thrown).as(request.getKey()).isNotNull();
            assertThat(thrown.awsErrorDetails().errorCode()).as(request.getKey()).isEqualTo("ValidationException");
        }
    }

    private List<QueryResponse> pages(UnaryOperator<QueryRequest.Builder> request) {
        List<QueryResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder builder = request.apply(QueryRequest.builder());
            if (start != null) {
                builder.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(builder.build());
            pages.add(page);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            assertThat(pages).as("paging must end").hasSizeLessThan(50);
        } while (start != null);
        return pages;
    }
}
