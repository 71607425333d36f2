package dev.airlock.endpoints.dynamodb.store;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.IndexDefinition;
import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.table.StreamRecord;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.TableDefinition;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The on-disk JSON form of {@link Change}s and {@link TableDefinition}s (journal and snapshot). */
final class ChangeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChangeJson() {
    }

    static ObjectNode toJson(Change change) {
        ObjectNode node = NODES.objectNode();
        if (change instanceof Change.CreateTable create) {
            node.put("op", "createTable").set("table", definitionToJson(create.definition()));
        } else if (change instanceof Change.Redefine redefine) {
            node.put("op", "redefine").set("table", definitionToJson(redefine.definition()));
        } else if (change instanceof Change.DeleteTable delete) {
            node.put("op", "deleteTable").put("name", delete.name());
        } else if (change instanceof Change.PutItem put) {
            node.put("op", "put").put("name", put.table()).set("item", AttributeValueJson.itemToJson(put.item()));
        } else if (change instanceof Change.DeleteItem delete) {
            node.put("op", "delete").put("name", delete.table()).set("key", AttributeValueJson.itemToJson(delete.key()));
        } else if (change instanceof Change.AppendStreamRecord append) {
            node.put("op", "streamRecord").put("name", append.table()).set("record", recordToJson(append.record()));
        }
        return node;
    }

    static Change fromJson(JsonNode node) throws AwsServiceException {
        return switch (node.path("op").asString()) {
            case "createTable" -> new Change.CreateTable(definitionFromJson(node.path("table")));
            case "redefine" -> new Change.Redefine(definitionFromJson(node.path("table")));
            case "deleteTable" -> new Change.DeleteTable(node.path("name").asString());
            case "put" -> new Change.PutItem(node.path("name").asString(), AttributeValueJson.itemFromJson(node.get("item")));
            case "delete" -> new Change.DeleteItem(node.path("name").asString(), AttributeValueJson.itemFromJson(node.get("key")));
            case "streamRecord" -> new Change.AppendStreamRecord(node.path("name").asString(),
                    recordFromJson(node.path("record")));
            default -> throw new IllegalStateException("unknown journal operation: " + node);
        };
    }

    static ObjectNode definitionToJson(TableDefinition d) {
        ObjectNode node = NODES.objectNode();
        node.put("name", d.name()).put("tableId", d.tableId()).put("arn", d.arn())
                .put("created", d.creationDateTime().toPlainString());
        node.set("key", keyToJson(d.keySchema()));
        ObjectNode attributes = node.putObject("attributes");
        d.attributeDefinitions().forEach(attributes::put);
        node.put("billingMode", d.billingMode()).put("read", d.readCapacity()).put("write", d.writeCapacity());
        ArrayNode indexes = node.putArray("indexes");
        for (IndexDefinition index : d.indexes()) {
            ObjectNode i = indexes.addObject();
            i.put("name", index.name()).put("projection", index.projectionType())
                    .put("read", index.readCapacity()).put("write", index.writeCapacity());
            i.set("key", keyToJson(index.keySchema()));
            ArrayNode nonKey = i.putArray("nonKey");
            index.nonKeyAttributes().forEach(nonKey::add);
        }
        d.ttlAttribute().ifPresent(ttl -> node.put("ttl", ttl));
        node.put("deletionProtection", d.deletionProtection());
        d.stream().ifPresent(stream -> node.putObject("stream").put("enabled", stream.enabled())
                .put("viewType", stream.viewType()).put("label", stream.label()));
        return node;
    }

    static TableDefinition definitionFromJson(JsonNode node) {
        Map<String, String> attributes = new LinkedHashMap<>();
        node.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asString()));
        List<IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode i : node.path("indexes")) {
            List<String> nonKey = new ArrayList<>();
            i.path("nonKey").forEach(n -> nonKey.add(n.asString()));
            indexes.add(new IndexDefinition(i.path("name").asString(), keyFromJson(i.path("key")),
                    i.path("projection").asString(), nonKey, i.path("read").asLong(), i.path("write").asLong()));
        }
        return new TableDefinition(node.path("name").asString(), node.path("tableId").asString(),
                node.path("arn").asString(), new BigDecimal(node.path("created").asString()),
                keyFromJson(node.path("key")), attributes, node.path("billingMode").asString(),
                node.path("read").asLong(), node.path("write").asLong(), indexes,
                Optional.ofNullable(node.get("ttl")).map(JsonNode::asString),
                node.path("deletionProtection").asBoolean(),
                Optional.ofNullable(node.get("stream")).map(s -> new StreamSettings(s.path("enabled").asBoolean(),
                        s.path("viewType").asString(), s.path("label").asString())));
    }

    static ObjectNode recordToJson(StreamRecord record) {
        ObjectNode node = NODES.objectNode();
        node.put("seq", record.sequenceNumber()).put("id", record.eventId()).put("event", record.eventName())
                .put("at", record.createdEpochSecond()).put("view", record.viewType()).put("size", record.sizeBytes());
        node.set("keys", AttributeValueJson.itemToJson(record.keys()));
        record.newImage().ifPresent(image -> node.set("new", AttributeValueJson.itemToJson(image)));
        record.oldImage().ifPresent(image -> node.set("old", AttributeValueJson.itemToJson(image)));
        return node;
    }

    static StreamRecord recordFromJson(JsonNode node) throws AwsServiceException {
        return new StreamRecord(node.path("seq").asLong(), node.path("id").asString(), node.path("event").asString(),
                node.path("at").asLong(), node.path("view").asString(), AttributeValueJson.itemFromJson(node.get("keys")),
                optionalItem(node.get("new")), optionalItem(node.get("old")), node.path("size").asLong());
    }

    private static Optional<Map<String, AttributeValue>> optionalItem(JsonNode node)
            throws AwsServiceException {
        return node == null ? Optional.empty() : Optional.of(AttributeValueJson.itemFromJson(node));
    }

    private static ObjectNode keyToJson(KeySchema key) {
        ObjectNode node = NODES.objectNode();
        node.put("hash", key.hashName()).put("hashType", key.hashType());
        key.rangeName().ifPresent(r -> node.put("range", r).put("rangeType", key.rangeType().orElseThrow()));
        return node;
    }

    private static KeySchema keyFromJson(JsonNode node) {
        return new KeySchema(node.path("hash").asString(), node.path("hashType").asString(),
                Optional.ofNullable(node.get("range")).map(JsonNode::asString),
                Optional.ofNullable(node.get("rangeType")).map(JsonNode::asString));
    }
}
