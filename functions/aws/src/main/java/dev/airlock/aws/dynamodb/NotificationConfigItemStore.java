package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationFile;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.usecase.ApplyNotifications;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * {@link NotificationConfigStore} in DynamoDB, beside the role file: the routing file's YAML with its
 * version and SHA-256 in the requests-table item {@value #ITEM_ID} (in no index), written with its
 * {@code notifications.applied} record on the {@code config} chain in one transaction, exactly as
 * {@link RoleConfigStore} writes the role file.
 */
public final class NotificationConfigItemStore implements NotificationConfigStore {

    public static final String ITEM_ID = "config#notifications";

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final ChainAppender appender;

    public NotificationConfigItemStore(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.appender = new ChainAppender(dynamoDb, tables, clock);
    }

    @Override
    public Optional<StoredNotifications> load() {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(tables.requests())
                    .key(Map.of(Tables.REQ_ID, s(ITEM_ID))).consistentRead(true)).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredNotifications(Attr.str(item, RoleConfigStore.YAML),
                    Attr.str(item, RoleConfigStore.SHA256), Attr.num(item, RequestItemMapper.VERSION),
                    Attr.str(item, RoleConfigStore.APPLIED_BY), Attr.instant(item, RoleConfigStore.APPLIED_AT)));
        } catch (MalformedItemException e) {
            throw new InternalException("corrupt_item", "the stored notification configuration cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** Validates and saves {@code yaml}: the {@link ApplyNotifications} use case over this store. */
    public Applied apply(String yaml, String actor) {
        return new ApplyNotifications(this).apply(yaml, actor);
    }

    @Override
    public Applied save(NotificationFile file, String actor) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(actor, "actor");
        return appender.append(AuditChains.CONFIG, actor, AuditAction.NOTIFICATIONS_APPLIED, () -> {
            long current = load().map(StoredNotifications::version).orElse(0L);
            return new ChainAppender.Companion<Applied>() {
                @Override
                public Map<String, String> details() {
                    return file.auditDetails(current + 1);
                }

                @Override
                public List<TransactWriteItem> writes(Instant at) {
                    return List.of(put(file, current, actor, at));
                }

                @Override
                public Applied result(AuditRecord record) {
                    return new Applied(current + 1, file.sha256(), record);
                }
            };
        }, () -> new ConflictException("config_conflict", "the notification configuration kept changing; apply again"));
    }

    private TransactWriteItem put(NotificationFile file, long current, String actor, Instant now) {
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(ITEM_ID),
                RoleConfigStore.YAML, s(file.yaml()),
                RoleConfigStore.SHA256, s(file.sha256()),
                RequestItemMapper.VERSION, n(current + 1),
                RoleConfigStore.APPLIED_BY, s(actor),
                RoleConfigStore.APPLIED_AT, s(now.toString()));
        if (current == 0) {
            return Writes.item(Writes.put(tables.requests(), item, "attribute_not_exists(#id)",
                    Map.of("#id", Tables.REQ_ID), Map.of()));
        }
        return Writes.item(Writes.put(tables.requests(), item, "#version = :expected",
                Map.of("#version", RequestItemMapper.VERSION), Map.of(":expected", n(current))));
    }
}
