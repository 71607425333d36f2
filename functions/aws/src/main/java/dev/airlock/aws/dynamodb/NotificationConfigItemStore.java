package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationFile;
import dev.airlock.core.usecase.ApplyNotifications;
import dev.airlock.domain.error.ConflictException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link NotificationConfigStore} in DynamoDB, beside the role file: the routing file's YAML with its
 * version and SHA-256 in the requests-table item {@value #ITEM_ID} (in no index), written with its
 * {@code notifications.applied} record on the {@code config} chain in one transaction, exactly as
 * {@link RoleConfigStore} writes the role file.
 */
public final class NotificationConfigItemStore implements NotificationConfigStore {

    public static final String ITEM_ID = "config#notifications";

    private final ConfigFileItem item;
    private final ChainAppender appender;

    public NotificationConfigItemStore(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.item = new ConfigFileItem(dynamoDb, tables, ITEM_ID, "notification configuration");
        this.appender = new ChainAppender(dynamoDb, tables, clock);
    }

    @Override
    public Optional<StoredNotifications> load() {
        return item.load().map(f -> new StoredNotifications(f.yaml(), f.sha256(), f.version(), f.appliedBy(),
                f.appliedAt()));
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
                    return List.of(item.put(file.yaml(), file.sha256(), current, actor, at));
                }

                @Override
                public Applied result(AuditRecord record) {
                    return new Applied(current + 1, file.sha256(), record);
                }
            };
        }, () -> new ConflictException("config_conflict", "the notification configuration kept changing; apply again"));
    }
}
