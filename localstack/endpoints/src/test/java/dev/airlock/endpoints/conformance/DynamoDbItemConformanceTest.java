package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.List;
import java.util.Map;

import static dev.airlock.endpoints.conformance.DynamoDbFixtures.b;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.bool;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.item;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.list;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.map;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.n;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem as the DynamoDB API reference describes them:
 * conditions, return values, update actions, every data type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbItemConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private DynamoDbClient dynamo;
    private String table;

    @BeforeAll
    void createTable() {
        dynamo = target.dynamoDb();
        table = DynamoDbFixtures.table(target.uniqueName("items")).hash("id", ScalarAttributeType.S).create(dynamo);
    }

    @AfterAll
    void deleteTable() {
        DynamoDbFixtures.deleteQuietly(dynamo, table);
    }

    private Map<String, AttributeValue> key(String id) {
        return item("id", s(id));
    }

    private Map<String, AttributeValue> get(String id) {
        return dynamo.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true)).item();
    }

    @Test
    void putItem_thenGetItem_returnsEveryDataType() {
        Map<String, AttributeValue> written = item("id", s("types"), "s", s("text"), "n", n("42"), "b", b(1, 2, 3),
                "bool", bool(true), "null", AttributeValue.fromNul(true), "m", map("inner", s("x")),
                "l", list(s("a"), n(1)), "ss", AttributeValue.fromSs(List.of("x", "y")),
                "ns", AttributeValue.fromNs(List.of("1", "2")), "bs", AttributeValue.builder()
                        .bs(b(1).b(), b(2).b()).build(), "empty", s(""));

        dynamo.putItem(r -> r.tableName(table).item(written));

        Map<String, AttributeValue> read = get("types");
        assertThat(read).containsOnlyKeys(written.keySet());
        assertThat(read.get("m")).isEqualTo(written.get("m"));
        assertThat(read.get("l")).isEqualTo(written.get("l"));
        assertThat(read.get("b")).isEqualTo(written.get("b"));
        assertThat(read.get("ss").ss()).containsExactlyInAnyOrder("x", "y");
        assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("1", "2");
        assertThat(read.get("null").nul()).isTrue();
        assertThat(read.get("empty").s()).isEmpty();
    }

    @Test
    void numbers_compareAsDecimals_andComeBackWithoutTrailingZeros() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("num"), "n", n("1.50"), "big", n("1E+2"))));

        assertThat(get("num").get("n").n()).isEqualTo("1.5");
        assertThat(get("num").get("big").n()).isEqualTo("100");
        dynamo.updateItem(r -> r.tableName(table).key(key("num"))
                .conditionExpression("n = :a AND n < :b AND n > :c")
                .expressionAttributeValues(item(":a", n("1.5000"), ":b", n("10"), ":c", n("-2")))
                .updateExpression("SET n = n + :a")
                .expressionAttributeValues(item(":a", n("1.5000"), ":b", n("10"), ":c", n("-2"))));
        assertThat(get("num").get("n").n()).isEqualTo("3");
    }

    @Test
    void getItem_ofAMissingItem_returnsNoItem() {
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("nothing-here"))).hasItem()).isFalse();
    }

    @Test
    void getItem_withProjectionExpression_returnsOnlyThosePaths() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("proj"), "a", s("1"), "b", s("2"),
                "m", map("x", s("3"), "y", s("4")), "l", list(s("p"), s("q"), s("r")))));

        Map<String, AttributeValue> read = dynamo.getItem(r -> r.tableName(table).key(key("proj"))
                .projectionExpression("a, m.#y, l[2]").expressionAttributeNames(Map.of("#y", "y"))).item();

        assertThat(read).isEqualTo(item("a", s("1"), "m", map("y", s("4")), "l", list(s("r"))));
    }

    @Test
    void putItem_withAttributeNotExists_failsOnAnExistingItem() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("once"), "v", n(1))));

        ConditionalCheckFailedException thrown = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("once"), "v", n(2)))
                        .conditionExpression("attribute_not_exists(id)")));

        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(thrown.hasItem()).isFalse();
        assertThat(get("once").get("v").n()).isEqualTo("1");
    }

    @Test
    void failedCondition_withReturnValuesOnConditionCheckFailure_returnsTheStoredItem() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("rv"), "version", n(3))));

        ConditionalCheckFailedException thrown = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("rv"))
                        .updateExpression("SET version = :next").conditionExpression("version = :expected")
                        .expressionAttributeValues(item(":next", n(2), ":expected", n(1)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));

        assertThat(thrown.item()).isEqualTo(item("id", s("rv"), "version", n(3)));
    }

    @Test
    void putItem_returnValuesAllOld_returnsTheReplacedItem() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("old"), "v", s("first"))));

        var response = dynamo.putItem(r -> r.tableName(table).item(item("id", s("old"), "v", s("second")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("id", s("old"), "v", s("first")));
        assertThat(get("old").get("v").s()).isEqualTo("second");
    }

    @Test
    void updateItem_onAMissingItem_createsItWithItsKey() {
        var response = dynamo.updateItem(r -> r.tableName(table).key(key("fresh"))
                .updateExpression("SET #c = if_not_exists(#c, :zero) + :one")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(item(":zero", n(0), ":one", n(1)))
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(response.attributes()).isEqualTo(item("id", s("fresh"), "count", n(1)));
    }

    @Test
    void updateItem_appliesSetRemoveAddAndDelete() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("upd"), "n", n(10), "gone", s("x"),
                "tags", AttributeValue.fromSs(List.of("a", "b", "c")), "l", list(s("first")),
                "m", map("deep", map("leaf", s("old"))))));

        dynamo.updateItem(r -> r.tableName(table).key(key("upd"))
                .updateExpression("SET n = n - :two, l = list_append(l, :more), m.deep.leaf = :new, fresh = :fresh "
                        + "REMOVE gone ADD hits :two, more :d DELETE tags :ab")
                .expressionAttributeValues(item(":two", n(2), ":more", list(s("second")), ":new", s("new"),
                        ":fresh", s("f"), ":d", AttributeValue.fromSs(List.of("d")),
                        ":ab", AttributeValue.fromSs(List.of("a", "b")))));

        Map<String, AttributeValue> read = get("upd");
        assertThat(read.get("n").n()).isEqualTo("8");
        assertThat(read.get("l")).isEqualTo(list(s("first"), s("second")));
        assertThat(read.get("m")).isEqualTo(map("deep", map("leaf", s("new"))));
        assertThat(read.get("fresh").s()).isEqualTo("f");
        assertThat(read).doesNotContainKey("gone");
        assertThat(read.get("hits").n()).isEqualTo("2");
        assertThat(read.get("tags").ss()).containsExactly("c");
        assertThat(read.get("more").ss()).containsExactly("d");
    }

    @Test
    void updateItem_computesEverySetValueFromTheItemBeforeTheUpdate() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("before"), "a", n(1), "b", n(2))));

        dynamo.updateItem(r -> r.tableName(table).key(key("before")).updateExpression("SET a = b, b = a"));

        assertThat(get("before")).containsEntry("a", n(2)).containsEntry("b", n(1));
    }

    @Test
    void deleteFromASet_ofItsLastMembers_removesTheAttribute() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("set"), "tags", AttributeValue.fromSs(List.of("a")))));

        dynamo.updateItem(r -> r.tableName(table).key(key("set")).updateExpression("DELETE tags :a")
                .expressionAttributeValues(item(":a", AttributeValue.fromSs(List.of("a")))));

        assertThat(get("set")).doesNotContainKey("tags");
    }

    @Test
    void updateItem_returnValuesUpdatedOldAndNew_returnOnlyTheUpdatedAttributes() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("ret"), "a", n(1), "b", n(5))));

        var old = dynamo.updateItem(r -> r.tableName(table).key(key("ret")).updateExpression("SET a = :v")
                .expressionAttributeValues(item(":v", n(2))).returnValues(ReturnValue.UPDATED_OLD));
        var updated = dynamo.updateItem(r -> r.tableName(table).key(key("ret")).updateExpression("SET a = :v")
                .expressionAttributeValues(item(":v", n(3))).returnValues(ReturnValue.UPDATED_NEW));
        var all = dynamo.updateItem(r -> r.tableName(table).key(key("ret")).updateExpression("REMOVE b")
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(old.attributes()).isEqualTo(item("a", n(1)));
        assertThat(updated.attributes()).isEqualTo(item("a", n(3)));
        assertThat(all.attributes()).isEqualTo(item("id", s("ret"), "a", n(3), "b", n(5)));
    }

    @Test
    void conditionalUpdate_onTheVersion_succeedsOnlyForTheExpectedVersion() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("cas"), "version", n(1))));
        String update = "SET version = :next";

        dynamo.updateItem(r -> r.tableName(table).key(key("cas")).updateExpression(update)
                .conditionExpression("version = :expected")
                .expressionAttributeValues(item(":next", n(2), ":expected", n(1))));
        ConditionalCheckFailedException stale = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> dynamo.updateItem(r -> r.tableName(table).key(key("cas")).updateExpression(update)
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(item(":next", n(2), ":expected", n(1)))));

        assertThat(stale).isNotNull();
        assertThat(get("cas").get("version").n()).isEqualTo("2");
    }

    @Test
    void deleteItem_withAFailingCondition_keepsTheItem_andReturnValuesAllOldReturnsWhatWasDeleted() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("del"), "state", s("OPEN"))));

        ConditionalCheckFailedException refused = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> dynamo.deleteItem(r -> r.tableName(table).key(key("del")).conditionExpression("#s = :closed")
                        .expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(item(":closed", s("CLOSED")))));
        var deleted = dynamo.deleteItem(r -> r.tableName(table).key(key("del")).returnValues(ReturnValue.ALL_OLD));

        assertThat(refused).isNotNull();
        assertThat(deleted.attributes()).isEqualTo(item("id", s("del"), "state", s("OPEN")));
        assertThat(dynamo.getItem(r -> r.tableName(table).key(key("del"))).hasItem()).isFalse();
    }

    @Test
    void conditionFunctions_followTheComparisonReference() {
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("fn"), "name", s("airlock"), "n", n(5),
                "tags", AttributeValue.fromSs(List.of("x", "y")), "l", list(s("p"), n(1)), "m", map("k", s("v")))));
        List<String> holding = List.of(
                "begins_with(#name, :air)", "contains(#name, :lock)", "contains(tags, :x)", "contains(l, :p)",
                "size(#name) = :seven", "size(tags) = :two", "attribute_type(n, :N)", "attribute_exists(m.k)",
                "attribute_not_exists(m.nope)", "n BETWEEN :two AND :seven", "n IN (:one, :two, :five)",
                "NOT (n < :two) AND (n = :five OR n = :seven)", "n <> :seven", "absent <> :one");
        for (String condition : holding) {
            dynamo.updateItem(r -> r.tableName(table).key(key("fn")).updateExpression("SET touched = :one")
                    .conditionExpression(condition).expressionAttributeNames(namesUsedBy(condition))
                    .expressionAttributeValues(valuesUsedBy(condition)));
        }
        List<String> failing = List.of("n > :seven", "absent = :one", "absent < :one", "n = :fiveText",
                "attribute_type(n, :S)", "begins_with(n, :air)", "size(n) = :one");
        for (String condition : failing) {
            assertThat(catchThrowableOfType(ConditionalCheckFailedException.class,
                    () -> dynamo.updateItem(r -> r.tableName(table).key(key("fn")).updateExpression("SET touched = :one")
                            .conditionExpression(condition).expressionAttributeNames(namesUsedBy(condition))
                            .expressionAttributeValues(valuesUsedBy(condition)))))
                    .as(condition).isNotNull();
        }
    }

    private static Map<String, String> namesUsedBy(String expression) {
        return expression.contains("#name") ? Map.of("#name", "name") : null;
    }

    private static Map<String, AttributeValue> valuesUsedBy(String expression) {
        Map<String, AttributeValue> all = item(":air", s("air"), ":lock", s("lock"), ":x", s("x"), ":p", s("p"),
                ":seven", n(7), ":two", n(2), ":N", s("N"), ":S", s("S"), ":one", n(1), ":five", n(5),
                ":fiveText", s("5"));
        Map<String, AttributeValue> used = new java.util.LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (expression.matches(".*" + k + "(?![A-Za-z0-9_]).*")) {
                used.put(k, v);
            }
        });
        used.put(":one", n(1)); // the update expression uses it
        return used;
    }

    @Test
    void operationsOnAMissingTable_raiseResourceNotFound() {
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> dynamo.getItem(r -> r.tableName(target.uniqueName("absent")).key(key("x"))))).isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> dynamo.putItem(r -> r.tableName(target.uniqueName("absent")).item(key("x"))))).isNotNull();
    }

    @Test
    void invalidRequests_raiseValidationException() {
        Map<String, Runnable> invalid = new java.util.LinkedHashMap<>();
        invalid.put("key with a wrong type", () -> dynamo.getItem(r -> r.tableName(table).key(item("id", n(1)))));
        invalid.put("key with an extra attribute", () -> dynamo.getItem(r -> r.tableName(table)
                .key(item("id", s("a"), "other", s("b")))));
        invalid.put("item without its key", () -> dynamo.putItem(r -> r.tableName(table).item(item("other", s("b")))));
        invalid.put("empty string key", () -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("")))));
        invalid.put("reserved word", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET status = :v").expressionAttributeValues(item(":v", s("x")))));
        invalid.put("unused value", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET a = :v").expressionAttributeValues(item(":v", s("x"), ":unused", s("y")))));
        invalid.put("unused name", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET a = :v").expressionAttributeNames(Map.of("#unused", "u"))
                .expressionAttributeValues(item(":v", s("x")))));
        invalid.put("undefined value", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET a = :v").expressionAttributeValues(item(":w", s("x")))));
        invalid.put("undefined name", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET #a = :v").expressionAttributeValues(item(":v", s("x")))));
        invalid.put("syntax error", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET a = = :v").expressionAttributeValues(item(":v", s("x")))));
        invalid.put("update of a key attribute", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET id = :v").expressionAttributeValues(item(":v", s("x")))));
        invalid.put("overlapping paths", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET a = :v REMOVE a").expressionAttributeValues(item(":v", s("x")))));
        invalid.put("arithmetic on a string", () -> dynamo.updateItem(r -> r.tableName(table).key(key("v"))
                .updateExpression("SET a = a + :v").expressionAttributeValues(item(":v", s("x")))));
        invalid.put("empty set", () -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("v"),
                "ss", AttributeValue.fromSs(List.of())))));
        invalid.put("ReturnValues ALL_NEW on PutItem", () -> dynamo.putItem(r -> r.tableName(table)
                .item(key("v")).returnValues(ReturnValue.ALL_NEW)));
        invalid.put("unknown function", () -> dynamo.putItem(r -> r.tableName(table).item(key("v"))
                .conditionExpression("exists(a)")));
        for (Map.Entry<String, Runnable> request : invalid.entrySet()) {
            DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class, request.getValue()::run);
            assertThat(thrown).as(request.getKey()).isNotNull();
            assertThat(thrown.awsErrorDetails().errorCode()).as(request.getKey()).isEqualTo("ValidationException");
            assertThat(thrown.statusCode()).as(request.getKey()).isEqualTo(400);
        }
    }

    @Test
    void itemsOver400Kb_areRefused() {
        String big = "x".repeat(400 * 1024);
        DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
                () -> dynamo.putItem(r -> r.tableName(table).item(item("id", s("big"), "data", s(big)))));

        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(thrown.awsErrorDetails().errorMessage()).contains("Item size has exceeded the maximum allowed size");
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("almost"), "data", s("x".repeat(400 * 1024 - 100)))));
        assertThat(get("almost")).containsKey("data");
    }
}
