package dev.airlock.infra;

import dev.airlock.core.storage.TableSchema;
import dev.airlock.core.storage.TableSchema.IndexSchema;
import dev.airlock.core.storage.TableSchema.KeyAttribute;
import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

/** The tables in the template are the shared {@link Tables} definition, with the safety settings on. */
class AirlockTablesTest {

    static final List<TableSchema> SCHEMAS = Tables.ALL;
    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    @Test
    void thereAreExactlyTheSharedTables() {
        assertThat(template.ofType("AWS::DynamoDB::Table").values())
                .extracting(t -> t.get("TableName"))
                .containsExactlyInAnyOrderElementsOf(SCHEMAS.stream().map(TableSchema::logicalName).toList());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCHEMAS")
    void keysAndIndexesMatchTheSchema(TableSchema schema) {
        Map<String, Object> table = table(schema);
        assertThat(table.get("KeySchema")).isEqualTo(keySchema(schema.partitionKey(), schema.sortKey().orElse(null)));
        assertThat(table.get("AttributeDefinitions")).asInstanceOf(LIST)
                .containsExactlyInAnyOrderElementsOf(schema.keyAttributes().stream()
                        .map(k -> Map.of("AttributeName", k.name(), "AttributeType", k.type().name())).toList());
        List<Map<String, Object>> expectedIndexes = schema.indexes().stream().map(AirlockTablesTest::index).toList();
        assertThat(table.get("GlobalSecondaryIndexes")).asInstanceOf(LIST)
                .containsExactlyInAnyOrderElementsOf(expectedIndexes);
    }

    @Test
    void expiryIndexIsTheSparseKeysOnlyIndexOfTheSchema() {
        IndexSchema expiry = Tables.REQUESTS.indexes().stream()
                .filter(i -> i.name().equals(Tables.REQUESTS_BY_EXPIRY)).findFirst().orElseThrow();
        assertThat(table(Tables.REQUESTS).get("GlobalSecondaryIndexes").toString())
                .contains(Tables.REQUESTS_BY_EXPIRY, expiry.partitionKey().name(), "KEYS_ONLY");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCHEMAS")
    void billingRecoveryAndDeletionProtectionAreOn(TableSchema schema) {
        Map<String, Object> table = table(schema);
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.get("PointInTimeRecoverySpecification"))
                .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
        assertThat(table.get("DeletionProtectionEnabled")).isEqualTo(true);
        Map<String, Object> resource = template.resource(template.tableId(schema.logicalName()));
        assertThat(resource.get("DeletionPolicy")).isEqualTo("Retain");
        assertThat(resource.get("UpdateReplacePolicy")).isEqualTo("Retain");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SCHEMAS")
    void timeToLiveFollowsTheSchema(TableSchema schema) {
        Object ttl = table(schema).get("TimeToLiveSpecification");
        if (schema.ttlAttribute().isPresent()) {
            assertThat(ttl).isEqualTo(Map.of("AttributeName", schema.ttlAttribute().get(), "Enabled", true));
        } else {
            assertThat(ttl).isNull();
        }
    }

    /** The statements themselves are asserted one by one in SecurityRegressionTest. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("SCHEMAS")
    void everyTableHasADenyOnlyResourcePolicy(TableSchema schema) {
        Map<?, ?> policy = (Map<?, ?>) table(schema).get("ResourcePolicy");
        assertThat(policy).isNotNull();
        assertThat(TemplateJson.statements(policy.get("PolicyDocument"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.get("Effect")).isEqualTo("Deny"));
    }

    private static Map<String, Object> table(TableSchema schema) {
        return template.ofType("AWS::DynamoDB::Table").get(template.tableId(schema.logicalName()));
    }

    private static List<Map<String, String>> keySchema(KeyAttribute hash, KeyAttribute range) {
        List<Map<String, String>> keys = new ArrayList<>();
        keys.add(Map.of("AttributeName", hash.name(), "KeyType", "HASH"));
        if (range != null) {
            keys.add(Map.of("AttributeName", range.name(), "KeyType", "RANGE"));
        }
        return keys;
    }

    private static Map<String, Object> index(IndexSchema index) {
        Map<String, Object> projection = index.nonKeyAttributes().isEmpty()
                ? Map.of("ProjectionType", index.projection().name())
                : Map.of("ProjectionType", index.projection().name(), "NonKeyAttributes", index.nonKeyAttributes());
        return Map.of("IndexName", index.name(),
                "KeySchema", keySchema(index.partitionKey(), index.sortKey().orElse(null)),
                "Projection", projection);
    }
}
