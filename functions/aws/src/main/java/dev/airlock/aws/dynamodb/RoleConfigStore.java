package dev.airlock.aws.dynamodb;

import dev.airlock.aws.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * The role configuration in DynamoDB: the role file's YAML text with its version and SHA-256, in the
 * requests-table item {@value #ITEM_ID} (no {@code state}/{@code user}/{@code expiryShard}, so it is in
 * no index). {@link #apply} validates the file first and then writes the new item and a
 * {@value #ACTION_APPLIED} record on the {@code config} audit chain in one transaction.
 */
public final class RoleConfigStore {

    public static final String ITEM_ID = "config#roles";
    public static final String ACTION_APPLIED = "roles.applied";
    /** Leaves room under DynamoDB's 400 KB item limit for the other attributes. */
    public static final int MAX_YAML_BYTES = 350_000;
    static final String YAML = "yaml";
    static final String SHA256 = "sha256";
    static final String APPLIED_BY = "appliedBy";
    static final String APPLIED_AT = "appliedAt";
    private static final int MAX_ATTEMPTS = 5;

    /** The stored configuration as written by {@link #apply}. */
    public record StoredRoles(String yaml, String sha256, long version, String appliedBy, Instant appliedAt) {
    }

    /** What {@link #apply} wrote. */
    public record Applied(long version, String sha256, List<String> roleNames, AuditRecord record) {
    }

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Clock clock;
    private final ChainHeads heads;

    public RoleConfigStore(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heads = new ChainHeads(dynamoDb, tables.requests());
    }

    /** The stored configuration (strongly consistent read), empty before the first apply. */
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

    /**
     * Validates {@code yaml} and makes it the current configuration, audited as {@value #ACTION_APPLIED}
     * by {@code actor} with details {@code sha256}, {@code roles} (comma-separated names) and {@code version}.
     *
     * @throws InvalidRequestException code {@code invalid_role_file} (nothing written) when the file does
     *                                 not parse, {@code role_file_too_large} past {@value #MAX_YAML_BYTES} bytes
     * @throws ConflictException       when concurrent applies keep winning
     */
    public Applied apply(String yaml, String actor) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(actor, "actor");
        if (yaml.getBytes(StandardCharsets.UTF_8).length > MAX_YAML_BYTES) {
            throw new InvalidRequestException("role_file_too_large",
                    "the role file is larger than " + MAX_YAML_BYTES + " bytes");
        }
        RoleConfig config = RoleFileParser.parse(yaml, "role file");
        List<String> names = List.copyOf(config.roles().names());
        String sha256 = Sha256.hex(yaml);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            long current = load().map(StoredRoles::version).orElse(0L);
            ChainHeads.Current head = heads.read(AuditChains.CONFIG);
            Instant now = clock.instant();
            AuditRecord record = AuditRecord.next(head.head(), AuditChains.CONFIG, now, actor, ACTION_APPLIED,
                    Map.of("sha256", sha256, "roles", String.join(",", names), "version", Long.toString(current + 1)));
            try {
                Writes.transact(dynamoDb, List.of(configPut(yaml, sha256, current, actor, now),
                        Writes.auditPut(tables.audit(), record), heads.advance(head, record.head())));
                return new Applied(current + 1, sha256, names, record);
            } catch (TransactionCanceledException e) {
                Cancellation cancellation = Cancellation.of(e);
                if (cancellation.throttled()) {
                    throw DynamoDbErrors.throttled("TransactWriteItems", e);
                }
                if (!cancellation.conflicted() && !cancellation.conditionFailed(0) && !cancellation.conditionFailed(1)
                        && !cancellation.conditionFailed(2)) {
                    throw new InternalException("storage_rejected",
                            "DynamoDB cancelled the role configuration write with reasons " + cancellation.codes(), e);
                }
            }
        }
        throw new ConflictException("config_conflict", "the role configuration kept changing; apply again");
    }

    private TransactWriteItem configPut(String yaml, String sha256, long current, String actor, Instant now) {
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(ITEM_ID),
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
