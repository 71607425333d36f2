package dev.airlock.endpoints.conformance;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the DynamoDB conformance tests: tables, keys and attribute values. */
final class DynamoDbFixtures {

    private DynamoDbFixtures() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue b(int... value) {
        byte[] bytes = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            bytes[i] = (byte) value[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue list(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    static AttributeValue map(Object... keysAndValues) {
        return AttributeValue.fromM(item(keysAndValues));
    }

    /** {@code item("id", s("a"), "n", n(1))}. */
    static Map<String, AttributeValue> item(Object... keysAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            item.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return item;
    }

    /** A table definition under construction: key attributes, indexes; on-demand billing. */
    static final class TableSpec {
        private final String name;
        private final Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        private final List<KeySchemaElement> key = new ArrayList<>();
        private final List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        private StreamViewType streamViewType;

        TableSpec(String name) {
            this.name = name;
        }

        TableSpec hash(String attribute, ScalarAttributeType type) {
            attributes.put(attribute, type);
            key.add(KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build());
            return this;
        }

        TableSpec range(String attribute, ScalarAttributeType type) {
            attributes.put(attribute, type);
            key.add(KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.RANGE).build());
            return this;
        }

        /** A stream with {@code viewType}, enabled at creation. */
        TableSpec stream(StreamViewType viewType) {
            this.streamViewType = viewType;
            return this;
        }

        /** A global secondary index; {@code rangeAttribute} may be null; {@code include} only for INCLUDE. */
        TableSpec index(String indexName, String hashAttribute, ScalarAttributeType hashType, String rangeAttribute,
                        ScalarAttributeType rangeType, ProjectionType projection, String... include) {
            attributes.put(hashAttribute, hashType);
            List<KeySchemaElement> indexKey = new ArrayList<>();
            indexKey.add(KeySchemaElement.builder().attributeName(hashAttribute).keyType(KeyType.HASH).build());
            if (rangeAttribute != null) {
                attributes.put(rangeAttribute, rangeType);
                indexKey.add(KeySchemaElement.builder().attributeName(rangeAttribute).keyType(KeyType.RANGE).build());
            }
            Projection.Builder p = Projection.builder().projectionType(projection);
            if (include.length > 0) {
                p.nonKeyAttributes(include);
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName(indexName).keySchema(indexKey).projection(p.build()).build());
            return this;
        }

        /** Creates the table and waits until it is ACTIVE. */
        String create(DynamoDbClient client) {
            client.createTable(r -> {
                r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(key)
                        .attributeDefinitions(attributes.entrySet().stream().map(e -> AttributeDefinition.builder()
                                .attributeName(e.getKey()).attributeType(e.getValue()).build()).toList());
                if (!indexes.isEmpty()) {
                    r.globalSecondaryIndexes(indexes);
                }
                if (streamViewType != null) {
                    r.streamSpecification(s -> s.streamEnabled(true).streamViewType(streamViewType));
                }
            });
            client.waiter().waitUntilTableExists(r -> r.tableName(name));
            return name;
        }
    }

    static TableSpec table(String name) {
        return new TableSpec(name);
    }

    static void deleteQuietly(DynamoDbClient client, String table) {
        try {
            client.deleteTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException ignored) {
            // already gone
        }
    }
}
