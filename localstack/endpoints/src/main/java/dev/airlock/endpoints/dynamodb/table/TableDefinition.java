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
 */
public record TableDefinition(String name, String tableId, String arn, BigDecimal creationDateTime,
                              KeySchema keySchema, Map<String, String> attributeDefinitions,
                              String billingMode, long readCapacity, long writeCapacity,
                              List<IndexDefinition> indexes, Optional<String> ttlAttribute,
                              boolean deletionProtection) {

    public TableDefinition {
        attributeDefinitions = Map.copyOf(attributeDefinitions);
        indexes = List.copyOf(indexes);
    }

    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public TableDefinition withTtlAttribute(Optional<String> attribute) {
        return new TableDefinition(name, tableId, arn, creationDateTime, keySchema, attributeDefinitions, billingMode,
                readCapacity, writeCapacity, indexes, attribute, deletionProtection);
    }
}
