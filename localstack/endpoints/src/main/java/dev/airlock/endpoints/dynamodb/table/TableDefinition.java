package dev.airlock.endpoints.dynamodb.table;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What CreateTable (and UpdateTimeToLive) said about a table; immutable, replaced on change.
 *
 * @param attributeDefinitions attribute name → S, N or B, for every key attribute of the table and its indexes
 * @param billingMode          PAY_PER_REQUEST or PROVISIONED
 * @param ttlAttribute         the TTL attribute while TTL is enabled
 * @param creationDateTime     epoch seconds with fraction, as DynamoDB reports it
 * @param stream               the table's latest stream, if it ever had one
 */
public record TableDefinition(String name, String tableId, String arn, BigDecimal creationDateTime,
                              KeySchema keySchema, Map<String, String> attributeDefinitions,
                              String billingMode, long readCapacity, long writeCapacity,
                              List<IndexDefinition> indexes, Optional<String> ttlAttribute,
                              boolean deletionProtection, Optional<StreamSettings> stream) {

    public TableDefinition {
        attributeDefinitions = Map.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
        java.util.Objects.requireNonNull(stream, "stream");
    }

    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public TableDefinition withTtlAttribute(Optional<String> attribute) {
        return new TableDefinition(name, tableId, arn, creationDateTime, keySchema, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, attribute, deletionProtection, stream);
    }

    public TableDefinition withStream(Optional<StreamSettings> settings) {
        return new TableDefinition(name, tableId, arn, creationDateTime, keySchema, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, ttlAttribute, deletionProtection, settings);
    }

    /** The stream that receives records now, if any. */
    public Optional<StreamSettings> enabledStream() {
        return stream.filter(StreamSettings::enabled);
    }
}
