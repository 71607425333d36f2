package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.usecase.ApplyRoles;
import dev.airlock.core.port.RoleFile;
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
 * {@link RoleFileStore} in DynamoDB: the role file's YAML text with its version and SHA-256, in the
 * requests-table item {@value #ITEM_ID} (no {@code state}/{@code user}/{@code expiryShard}, so it is in
 * no index). {@link #save} writes the new item and a {@code roles.applied} record on the {@code config}
 * audit chain in one transaction, through the {@link ChainAppender} every non-request chain uses.
 */
public final class RoleConfigStore implements RoleFileStore {

    public static final String ITEM_ID = "config#roles";
    static final String YAML = "yaml";
    static final String SHA256 = "sha256";
    static final String APPLIED_BY = "appliedBy";
    static final String APPLIED_AT = "appliedAt";

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final ChainAppender appender;

    public RoleConfigStore(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.appender = new ChainAppender(dynamoDb, tables, clock);
    }

    @Override
    public Optional<StoredRoles> load() {
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
            return Optional.of(new StoredRoles(Attr.str(item, YAML), Attr.str(item, SHA256),
                    Attr.num(item, RequestItemMapper.VERSION), Attr.str(item, APPLIED_BY),
                    Attr.instant(item, APPLIED_AT)));
        } catch (MalformedItemException e) {
            throw new InternalException("corrupt_item", "the stored role configuration cannot be read: "
                    + e.getMessage(), e);
        }
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
                    return List.of(configPut(file, current, actor, at));
                }

                @Override
                public Applied result(AuditRecord record) {
                    return new Applied(current + 1, file.sha256(), file.roleNames(), record);
                }
            };
        }, () -> new ConflictException("config_conflict", "the role configuration kept changing; apply again"));
    }

    private TransactWriteItem configPut(RoleFile file, long current, String actor, Instant now) {
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(ITEM_ID),
                YAML, s(file.yaml()),
                SHA256, s(file.sha256()),
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
