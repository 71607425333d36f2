package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.core.usecase.ApplyRoles;
import dev.airlock.core.port.RoleFile;
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
 * {@link RoleFileStore} in DynamoDB: the role file's YAML text with its version and SHA-256, in the
 * requests-table item {@value #ITEM_ID} (no {@code state}/{@code user}/{@code expiryShard}, so it is in
 * no index). {@link #save} writes the new item and a {@code roles.applied} record on the {@code config}
 * audit chain in one transaction, through the {@link ChainAppender} every non-request chain uses.
 */
public final class RoleConfigStore implements RoleFileStore {

    public static final String ITEM_ID = "config#roles";
    static final String YAML = ConfigFileItem.YAML;

    private final ConfigFileItem item;
    private final ChainAppender appender;

    public RoleConfigStore(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.item = new ConfigFileItem(dynamoDb, tables, ITEM_ID, "role configuration");
        this.appender = new ChainAppender(dynamoDb, tables, clock);
    }

    @Override
    public Optional<StoredRoles> load() {
        return item.load().map(f -> new StoredRoles(f.yaml(), f.sha256(), f.version(), f.appliedBy(), f.appliedAt()));
    }

    /** Validates and saves {@code yaml}: the {@link ApplyRoles} use case over this store. */
    public Applied apply(String yaml, String actor) {
        return new ApplyRoles(this).apply(yaml, actor);
    }

    @Override
    public Applied save(RoleFile file, String actor) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(actor, "actor");
        return appender.append(AuditChains.CONFIG, actor, AuditAction.ROLES_APPLIED, () -> {
            long current = load().map(StoredRoles::version).orElse(0L);
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
                    return new Applied(current + 1, file.sha256(), file.roleNames(), record);
                }
            };
        }, () -> new ConflictException("config_conflict", "the role configuration kept changing; apply again"));
    }
}
