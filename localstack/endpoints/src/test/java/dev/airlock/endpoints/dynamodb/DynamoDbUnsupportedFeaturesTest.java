package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the embedded DynamoDB does not do, it refuses by name instead of answering differently from
 * DynamoDB. (Embedded-only: real DynamoDB accepts these, so they are not conformance tests.)
 */
class DynamoDbUnsupportedFeaturesTest {

    private final DynamoDbService service = new DynamoDbService(Optional.empty());

    private static ObjectNode json(String text) {
        return (ObjectNode) JsonMapper.builder().build().readTree(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PutItem    | {\"TableName\": \"things\", \"Item\": {\"id\": {\"S\": \"a\"}}, \"ReturnConsumedCapacity\": \"TOTAL\"} | ReturnConsumedCapacity TOTAL is not supported",
            "PutItem    | {\"TableName\": \"things\", \"Item\": {\"id\": {\"S\": \"a\"}}, \"Expected\": {}}                     | The legacy parameter Expected is not supported",
            "Query      | {\"TableName\": \"things\", \"KeyConditions\": {}}                                                 | The legacy parameter KeyConditions is not supported",
            "Scan       | {\"TableName\": \"things\", \"ScanFilter\": {}}                                                    | The legacy parameter ScanFilter is not supported",
            "GetItem    | {\"TableName\": \"things\", \"Key\": {\"id\": {\"S\": \"a\"}}, \"AttributesToGet\": [\"id\"]}       | The legacy parameter AttributesToGet is not supported",
            "UpdateItem | {\"TableName\": \"things\", \"Key\": {\"id\": {\"S\": \"a\"}}, \"AttributeUpdates\": {}}            | The legacy parameter AttributeUpdates is not supported",
            "CreateTable| {\"TableName\": \"things\", \"LocalSecondaryIndexes\": []}                                         | LocalSecondaryIndexes are not supported",
            "CreateTable| {\"TableName\": \"things\", \"StreamSpecification\": {\"StreamEnabled\": true}}                  | StreamViewType is required when StreamEnabled is true",
            "UpdateTable| {\"TableName\": \"things\", \"BillingMode\": \"PROVISIONED\"}                                  | UpdateTable BillingMode is not supported",
    })
    void unsupportedParameters_areValidationErrorsNamingThem(String operation, String request, String message) {
        assertThatThrownBy(() -> service.handle(operation, json(request)))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.type()).isEqualTo("ValidationException"))
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"BatchWriteItem", "BatchGetItem", "ExecuteStatement"})
    void unsupportedOperations_areUnknownOperationsNamingThem(String operation) {
        assertThatThrownBy(() -> service.handle(operation, json("{}")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.type()).isEqualTo("UnknownOperationException"))
                .hasMessageContaining("does not support " + operation);
    }
}
