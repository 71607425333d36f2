package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** CreateTable, DescribeTable, ListTables, DeleteTable and the TTL operations as the API reference describes them. */
class DynamoDbTableConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private final DynamoDbClient dynamo = target.dynamoDb();

    @Test
    void createdTable_isDescribedWithItsKeysAndIndexes() {
        String name = DynamoDbFixtures.table(target.uniqueName("described")).hash("id", ScalarAttributeType.S)
                .range("at", ScalarAttributeType.N)
                .index("byState", "state", ScalarAttributeType.S, "at", ScalarAttributeType.N, ProjectionType.KEYS_ONLY)
                .index("byUser", "user", ScalarAttributeType.S, null, null, ProjectionType.INCLUDE, "reason")
                .create(dynamo);
        try {
            TableDescription table = dynamo.describeTable(r -> r.tableName(name)).table();

            assertThat(table.tableName()).isEqualTo(name);
            assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(table.tableArn()).startsWith("arn:aws:dynamodb:").endsWith(":table/" + name);
            assertThat(table.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly("id:HASH", "at:RANGE");
            assertThat(table.attributeDefinitions()).hasSize(4);
            assertThat(table.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            Map<String, GlobalSecondaryIndexDescription> indexes = new LinkedHashMap<>();
            table.globalSecondaryIndexes().forEach(i -> indexes.put(i.indexName(), i));
            assertThat(indexes).containsOnlyKeys("byState", "byUser");
            assertThat(indexes.get("byState").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
            assertThat(indexes.get("byUser").projection().nonKeyAttributes()).containsExactly("reason");
            assertThat(indexes.get("byUser").keySchema()).singleElement()
                    .satisfies(k -> assertThat(k.keyType()).isEqualTo(KeyType.HASH));
        } finally {
            DynamoDbFixtures.deleteQuietly(dynamo, name);
        }
    }

    @Test
    void creatingAnExistingTable_raisesResourceInUse_andDeletedTablesAreNotFound() {
        String name = DynamoDbFixtures.table(target.uniqueName("twice")).hash("id", ScalarAttributeType.S).create(dynamo);

        assertThat(catchThrowableOfType(ResourceInUseException.class,
                () -> DynamoDbFixtures.table(name).hash("id", ScalarAttributeType.S).create(dynamo))).isNotNull();
        dynamo.deleteTable(r -> r.tableName(name));
        dynamo.waiter().waitUntilTableNotExists(r -> r.tableName(name));

        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> dynamo.describeTable(r -> r.tableName(name)))).isNotNull();
        assertThat(catchThrowableOfType(ResourceNotFoundException.class,
                () -> dynamo.deleteTable(r -> r.tableName(name)))).isNotNull();
    }

    @Test
    void listTables_pagesWithLimitAndExclusiveStartTableName() {
        String prefix = target.uniqueName("list");
        List<String> created = new ArrayList<>();
        try {
            for (String suffix : List.of("a", "b", "c")) {
                created.add(DynamoDbFixtures.table(prefix + "-" + suffix).hash("id", ScalarAttributeType.S).create(dynamo));
            }
            List<String> seen = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                ListTablesResponse page = dynamo.listTables(r -> r.limit(2).exclusiveStartTableName(from));
                assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
                seen.addAll(page.tableNames());
                start = page.lastEvaluatedTableName();
            } while (start != null);

            assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        } finally {
            created.forEach(name -> DynamoDbFixtures.deleteQuietly(dynamo, name));
        }
    }

    @Test
    void timeToLive_isEnabledOnceAndDescribed() {
        String name = DynamoDbFixtures.table(target.uniqueName("ttl")).hash("id", ScalarAttributeType.S).create(dynamo);
        try {
            assertThat(dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription().timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.DISABLED);

            var response = dynamo.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));

            assertThat(response.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
            var described = dynamo.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
            assertThat(described.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
            assertThat(described.attributeName()).isEqualTo("expiresAt");
            DynamoDbException again = catchThrowableOfType(DynamoDbException.class, () -> dynamo.updateTimeToLive(
                    r -> r.tableName(name).timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true))));
            assertThat(again.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        } finally {
            DynamoDbFixtures.deleteQuietly(dynamo, name);
        }
    }

    @Test
    void invalidTableDefinitions_raiseValidationException() {
        Map<String, Runnable> invalid = new LinkedHashMap<>();
        invalid.put("attribute definition not used by any key", () -> dynamo.createTable(r -> r
                .tableName(target.uniqueName("bad")).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("extra").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))));
        invalid.put("key attribute not defined", () -> dynamo.createTable(r -> r
                .tableName(target.uniqueName("bad")).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("other").keyType(KeyType.HASH))));
        invalid.put("provisioned without throughput", () -> dynamo.createTable(r -> r
                .tableName(target.uniqueName("bad")).billingMode(BillingMode.PROVISIONED)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))));
        invalid.put("table name too short", () -> dynamo.describeTable(r -> r.tableName("ab")));
        for (Map.Entry<String, Runnable> request : invalid.entrySet()) {
            DynamoDbException thrown = catchThrowableOfType(DynamoDbException.class, request.getValue()::run);
            assertThat(thrown).as(request.getKey()).isNotNull();
            assertThat(thrown.awsErrorDetails().errorCode()).as(request.getKey()).isEqualTo("ValidationException");
        }
    }
}
