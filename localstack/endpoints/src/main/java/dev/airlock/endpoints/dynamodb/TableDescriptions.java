package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.dynamodb.table.IndexDefinition;
import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.table.TableDefinition;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** DynamoDB's {@code TableDescription} of a table. */
final class TableDescriptions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TableDescriptions() {
    }

    static ObjectNode describe(Table table, String status) {
        return describe(table, table.definition(), status);
    }

    /** {@code table}'s items as described by {@code d}, a definition about to replace the table's. */
    static ObjectNode describe(Table table, TableDefinition d, String status) {
        ObjectNode node = NODES.objectNode();
        node.put("TableName", d.name()).put("TableId", d.tableId()).put("TableArn", d.arn())
                .put("TableStatus", status).put("CreationDateTime", d.creationDateTime())
                .put("ItemCount", table.itemCount()).put("TableSizeBytes", table.sizeBytes())
                .put("DeletionProtectionEnabled", d.deletionProtection());
        ArrayNode attributes = node.putArray("AttributeDefinitions");
        d.attributeDefinitions().forEach((name, type) ->
                attributes.addObject().put("AttributeName", name).put("AttributeType", type));
        node.set("KeySchema", keySchema(d.keySchema()));
        node.putObject("BillingModeSummary").put("BillingMode", d.billingMode());
        node.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        d.stream().ifPresent(stream -> {
            ObjectNode specification = node.putObject("StreamSpecification").put("StreamEnabled", stream.enabled());
            if (stream.enabled()) {
                specification.put("StreamViewType", stream.viewType());
            }
            node.put("LatestStreamArn", stream.arn(d.arn())).put("LatestStreamLabel", stream.label());
        });
        if (!d.indexes().isEmpty()) {
            ArrayNode indexes = node.putArray("GlobalSecondaryIndexes");
            for (IndexDefinition index : d.indexes()) {
                ObjectNode i = indexes.addObject();
                i.put("IndexName", index.name()).put("IndexArn", d.arn() + "/index/" + index.name())
                        .put("IndexStatus", "ACTIVE")
                        .put("ItemCount", table.index(index.name()).partitions().values().stream()
                                .mapToLong(java.util.Map::size).sum())
                        .put("IndexSizeBytes", 0);
                i.set("KeySchema", keySchema(index.keySchema()));
                ObjectNode projection = i.putObject("Projection").put("ProjectionType", index.projectionType());
                if (!index.nonKeyAttributes().isEmpty()) {
                    ArrayNode nonKey = projection.putArray("NonKeyAttributes");
                    index.nonKeyAttributes().forEach(nonKey::add);
                }
                i.set("ProvisionedThroughput", throughput(index.readCapacity(), index.writeCapacity()));
            }
        }
        return node;
    }

    static ArrayNode keySchema(KeySchema key) {
        ArrayNode list = NODES.arrayNode();
        list.addObject().put("AttributeName", key.hashName()).put("KeyType", "HASH");
        key.rangeName().ifPresent(range -> list.addObject().put("AttributeName", range).put("KeyType", "RANGE"));
        return list;
    }

    private static ObjectNode throughput(long read, long write) {
        return NODES.objectNode().put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
    }
}
