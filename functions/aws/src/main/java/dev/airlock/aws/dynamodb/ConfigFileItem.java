package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * One operator-applied YAML file kept as a versioned requests-table item (no index attributes, so in
 * no index): the role file ({@link RoleConfigStore}) and the notification routing file
 * ({@link NotificationConfigItemStore}) each own one, and each writes it with its audit record in one
 * transaction. Read strongly consistent; each save is conditional on the version read.
 */
final class ConfigFileItem {

    static final String YAML = "yaml";
    static final String SHA256 = "sha256";
    static final String APPLIED_BY = "appliedBy";
    static final String APPLIED_AT = "appliedAt";

    /** The stored file and who applied which version when. */
    record Stored(String yaml, String sha256, long version, String appliedBy, Instant appliedAt) {
    }

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final String itemId;
    private final String what;

    /** @param what the file's name in errors, e.g. "role configuration" */
    ConfigFileItem(DynamoDbClient dynamoDb, TableNames tables, String itemId, String what) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.itemId = Objects.requireNonNull(itemId, "itemId");
        this.what = Objects.requireNonNull(what, "what");
    }

    /** The stored file, empty before the first save. */
    Optional<Stored> load() {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(tables.requests())
                    .key(Map.of(Tables.REQ_ID, s(itemId))).consistentRead(true)).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stored(Attr.str(item, YAML), Attr.str(item, SHA256),
                    Attr.num(item, RequestItemMapper.VERSION), Attr.str(item, APPLIED_BY), Attr.instant(item, APPLIED_AT)));
        } catch (MalformedItemException e) {
            throw new InternalException("corrupt_item", "the stored " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The put of version {@code current + 1}, refused unless the stored version is still {@code current}. */
    TransactWriteItem put(String yaml, String sha256, long current, String actor, Instant now) {
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(itemId),
                YAML, s(yaml),
                SHA256, s(sha256),
                RequestItemMapper.VERSION, n(current + 1),
                APPLIED_BY, s(actor),
                APPLIED_AT, s(now.toString()));
        if (current == 0) {
            return Writes.item(Writes.put(tables.requests(), item, "attribute_not_exists(#id)",
                    Map.of("#id", Tables.REQ_ID), Map.of()));
        }
        return Writes.item(Writes.put(tables.requests(), item, "#version = :expected",
                Map.of("#version", RequestItemMapper.VERSION), Map.of(":expected", n(current))));
    }
}
