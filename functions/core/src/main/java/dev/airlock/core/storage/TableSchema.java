package dev.airlock.core.storage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DynamoDB table described as plain data, so the bootstrap code (AWS SDK), the CDK stack and
 * the tests all build the same table from one definition. See {@link Tables} for the two tables.
 *
 * @param logicalName  the name used when no deployment-specific name is configured
 * @param partitionKey the hash key
 * @param sortKey      the range key, if any
 * @param indexes      global secondary indexes
 * @param ttlAttribute the attribute DynamoDB TTL deletes items by, if any
 */
public record TableSchema(String logicalName, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                          List<IndexSchema> indexes, Optional<String> ttlAttribute) {

    public TableSchema {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(partitionKey, "partitionKey");
        indexes = List.copyOf(indexes);
    }

    /** A key attribute and its DynamoDB scalar type. */
    public record KeyAttribute(String name, KeyType type) {
        public KeyAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** The scalar attribute types DynamoDB allows in keys. */
    public enum KeyType { S, N, B }

    /** Which attributes an index copies. */
    public enum Projection { ALL, KEYS_ONLY, INCLUDE }

    /**
     * A global secondary index. An item without the index's key attributes is not in the index,
     * which is what makes the expiry index sparse.
     */
    public record IndexSchema(String name, KeyAttribute partitionKey, Optional<KeyAttribute> sortKey,
                              Projection projection, List<String> nonKeyAttributes) {
        public IndexSchema {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(partitionKey, "partitionKey");
            Objects.requireNonNull(projection, "projection");
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    /** Every attribute named by a key of the table or of an index (DynamoDB's AttributeDefinitions). */
    public List<KeyAttribute> keyAttributes() {
        var all = new java.util.LinkedHashMap<String, KeyAttribute>();
        all.put(partitionKey.name(), partitionKey);
        sortKey.ifPresent(k -> all.put(k.name(), k));
        for (IndexSchema index : indexes) {
            all.put(index.partitionKey().name(), index.partitionKey());
            index.sortKey().ifPresent(k -> all.put(k.name(), k));
        }
        return List.copyOf(all.values());
    }
}
