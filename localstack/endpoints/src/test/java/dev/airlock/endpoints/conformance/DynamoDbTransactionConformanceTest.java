package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.airlock.endpoints.conformance.DynamoDbFixtures.item;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.n;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TransactWriteItems and TransactGetItems as the API reference describes them: all or nothing,
 * cancellation reasons in request order, one action per item, up to 100 actions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbTransactionConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private DynamoDbClient dynamo;
    private String requests;
    private String audit;

    @BeforeAll
    void createTables() {
        dynamo = target.dynamoDb();
        requests = DynamoDbFixtures.table(target.uniqueName("tx-requests")).hash("id", ScalarAttributeType.S).create(dynamo);
        audit = DynamoDbFixtures.table(target.uniqueName("tx-audit")).hash("chain", ScalarAttributeType.S)
                .range("seq", ScalarAttributeType.N).create(dynamo);
    }

    @AfterAll
    void deleteTables() {
        DynamoDbFixtures.deleteQuietly(dynamo, requests);
        DynamoDbFixtures.deleteQuietly(dynamo, audit);
    }

    private TransactWriteItem versionBump(String id, long expected) {
        return TransactWriteItem.builder().update(Update.builder().tableName(requests).key(item("id", s(id)))
                .updateExpression("SET version = :next").conditionExpression("version = :expected")
                .expressionAttributeValues(item(":next", n(expected + 1), ":expected", n(expected)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    private TransactWriteItem auditRecord(String chain, long seq) {
        return TransactWriteItem.builder().put(Put.builder().tableName(audit)
                .item(item("chain", s(chain), "seq", n(seq), "event", s("changed")))
                .conditionExpression("attribute_not_exists(seq)").build()).build();
    }

    private Map<String, AttributeValue> request(String id) {
        return dynamo.getItem(r -> r.tableName(requests).key(item("id", s(id))).consistentRead(true)).item();
    }

    private boolean auditExists(String chain, long seq) {
        return dynamo.getItem(r -> r.tableName(audit).key(item("chain", s(chain), "seq", n(seq)))
                .consistentRead(true)).hasItem();
    }

    @Test
    void transaction_appliesEveryActionTogether() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("ok"), "version", n(1))));

        dynamo.transactWriteItems(r -> r.transactItems(versionBump("ok", 1), auditRecord("ok", 1)));

        assertThat(request("ok").get("version").n()).isEqualTo("2");
        assertThat(auditExists("ok", 1)).isTrue();
    }

    @Test
    void failedCondition_cancelsTheWholeTransaction_withReasonsInRequestOrder() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("stale"), "version", n(5))));
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("other"), "version", n(1))));

        TransactionCanceledException thrown = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(
                        auditRecord("stale", 1), versionBump("stale", 4), versionBump("other", 1))));

        List<CancellationReason> reasons = thrown.cancellationReasons();
        assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(reasons.get(1).item()).isEqualTo(item("id", s("stale"), "version", n(5)));
        assertThat(thrown.statusCode()).isEqualTo(400);
        assertThat(auditExists("stale", 1)).isFalse();
        assertThat(request("other").get("version").n()).isEqualTo("1");
    }

    @Test
    void everyFailedConditionIsReported() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("two-bad"), "version", n(9))));
        dynamo.putItem(r -> r.tableName(audit).item(item("chain", s("two-bad"), "seq", n(1))));

        TransactionCanceledException thrown = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(versionBump("two-bad", 1), auditRecord("two-bad", 1))));

        assertThat(thrown.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("ConditionalCheckFailed", "ConditionalCheckFailed");
    }

    @Test
    void conditionCheckAndDelete_takePartInTheTransaction() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("guard"), "state", s("OPEN"))));
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("doomed"))));
        TransactWriteItem guardIsOpen = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(requests).key(item("id", s("guard"))).conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(item(":open", s("OPEN")))
                .build()).build();
        TransactWriteItem guardIsClosed = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                .tableName(requests).key(item("id", s("guard"))).conditionExpression("#s = :closed")
                .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(item(":closed", s("CLOSED")))
                .build()).build();
        TransactWriteItem delete = TransactWriteItem.builder().delete(Delete.builder().tableName(requests)
                .key(item("id", s("doomed"))).build()).build();

        TransactionCanceledException refused = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(delete, guardIsClosed)));
        assertThat(refused.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed");
        assertThat(request("doomed")).isNotEmpty();

        dynamo.transactWriteItems(r -> r.transactItems(delete, guardIsOpen));
        assertThat(request("doomed")).isEmpty();
    }

    @Test
    void twoActionsOnOneItem_areAValidationError() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("twice"), "version", n(1))));

        DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(versionBump("twice", 1), versionBump("twice", 1))));

        assertThat(thrown).isNotInstanceOf(TransactionCanceledException.class);
        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(request("twice").get("version").n()).isEqualTo("1");
    }

    @Test
    void upTo100Actions_areAccepted_and101AreNot() {
        List<TransactWriteItem> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(auditRecord("hundred", i));
        }
        List<TransactWriteItem> hundredAndOne = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            hundredAndOne.add(auditRecord("hundred-and-one", i));
        }

        dynamo.transactWriteItems(r -> r.transactItems(hundred));
        DynamoDbException tooMany = catchThrowableOfType(DynamoDbException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(hundredAndOne)));

        assertThat(auditExists("hundred", 99)).isTrue();
        assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(auditExists("hundred-and-one", 0)).isFalse();
    }

    @Test
    void missingTable_raisesResourceNotFound() {
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(target.uniqueName("absent"))
                .item(item("id", s("x"))).build()).build();

        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> dynamo.transactWriteItems(r -> r.transactItems(put)))).isNotNull();
    }

    @Test
    void clientRequestToken_makesARetriedTransactionApplyOnce() {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(requests)
                .key(item("id", s("idempotent"))).updateExpression("ADD hits :one")
                .expressionAttributeValues(item(":one", n(1))).build()).build();
        String token = target.uniqueName("token");

        dynamo.transactWriteItems(r -> r.transactItems(count).clientRequestToken(token));
        dynamo.transactWriteItems(r -> r.transactItems(count).clientRequestToken(token));

        assertThat(request("idempotent").get("hits").n()).isEqualTo("1");
    }

    @Test
    void transactGetItems_returnsItemsInRequestOrder_andEmptyResponsesForMissingOnes() {
        dynamo.putItem(r -> r.tableName(requests).item(item("id", s("g1"), "v", s("one"))));
        dynamo.putItem(r -> r.tableName(audit).item(item("chain", s("g"), "seq", n(7), "v", s("seven"))));

        List<ItemResponse> responses = dynamo.transactGetItems(r -> r.transactItems(
                TransactGetItem.builder().get(Get.builder().tableName(audit).key(item("chain", s("g"), "seq", n(7)))
                        .projectionExpression("v").build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(requests).key(item("id", s("nope"))).build()).build(),
                TransactGetItem.builder().get(Get.builder().tableName(requests).key(item("id", s("g1"))).build()).build()))
                .responses();

        assertThat(responses).hasSize(3);
        assertThat(responses.get(0).item()).isEqualTo(item("v", s("seven")));
        assertThat(responses.get(1).hasItem()).isFalse();
        assertThat(responses.get(2).item()).isEqualTo(item("id", s("g1"), "v", s("one")));
    }
}
