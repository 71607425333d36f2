package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.TableSchema;
import dev.airlock.core.storage.TableSchema.IndexSchema;
import dev.airlock.core.storage.TableSchema.KeyAttribute;
import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates the two Airlock tables from {@link Tables} when they are absent, waits until they and
 * their indexes are ACTIVE, and enables TTL. Used by {@code local-up}, the tests and LocalStack
 * runs; the CDK stack derives the same tables from the same definition.
 */
public final class TableBootstrap {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private final DynamoDbClient dynamoDb;
    private final Duration timeout;

    public TableBootstrap(DynamoDbClient dynamoDb) {
        this(dynamoDb, DEFAULT_TIMEOUT);
    }

    public TableBootstrap(DynamoDbClient dynamoDb, Duration timeout) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Creates whichever of the two tables is missing; idempotent. */
    public void ensureTables(TableNames names) {
        ensureTable(Tables.REQUESTS, names.requests());
        ensureTable(Tables.AUDIT, names.audit());
    }

    /** Creates one table if absent, waits for it (and its indexes) to be ACTIVE, then enables its TTL. */
    public void ensureTable(TableSchema schema, String tableName) {
        if (describe(tableName).isEmpty()) {
            try {
                dynamoDb.createTable(createTableRequest(schema, tableName));
            } catch (ResourceInUseException raced) {
                // Someone else created it between our DescribeTable and CreateTable: wait for theirs.
            }
        }
        awaitActive(tableName);
        schema.ttlAttribute().ifPresent(attribute -> enableTtl(tableName, attribute));
    }

    /**
     * The indexes {@link Tables} defines that the existing tables lack, as {@code table/index}. Tables
     * are created only when absent, so tables made before an index was added keep lacking it (the
     * embedded DynamoDB cannot add one; real DynamoDB could, with UpdateTable); the caller says so
     * instead of letting the routes that query it fail later with a bare 500.
     */
    public List<String> missingIndexes(TableNames names) {
        List<String> missing = new ArrayList<>();
        missing.addAll(missingIndexes(Tables.REQUESTS, names.requests()));
        missing.addAll(missingIndexes(Tables.AUDIT, names.audit()));
        return missing;
    }

    private List<String> missingIndexes(TableSchema schema, String tableName) {
        List<String> present = describe(tableName).map(t -> t.globalSecondaryIndexes().stream()
                .map(i -> i.indexName()).toList()).orElse(List.of());
        return schema.indexes().stream().map(IndexSchema::name).filter(name -> !present.contains(name))
                .map(name -> tableName + "/" + name).toList();
    }

    /** The CreateTable request for {@code schema} under {@code tableName} (on-demand billing). */
    public static CreateTableRequest createTableRequest(TableSchema schema, String tableName) {
        List<AttributeDefinition> definitions = schema.keyAttributes().stream()
                .map(k -> AttributeDefinition.builder().attributeName(k.name())
                        .attributeType(ScalarAttributeType.fromValue(k.type().name())).build())
                .toList();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions)
                .keySchema(keySchema(schema.partitionKey(), schema.sortKey()));
        if (!schema.indexes().isEmpty()) {
            request.globalSecondaryIndexes(schema.indexes().stream().map(TableBootstrap::index).toList());
        }
        return request.build();
    }

    private static GlobalSecondaryIndex index(IndexSchema index) {
        Projection.Builder projection = Projection.builder()
                .projectionType(ProjectionType.fromValue(index.projection().name()));
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keySchema(index.partitionKey(), index.sortKey()))
                .projection(projection.build())
                .build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partition, Optional<KeyAttribute> sort) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        sort.ifPresent(k -> keys.add(KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.RANGE).build()));
        return keys;
    }

    private Optional<TableDescription> describe(String tableName) {
        try {
            return Optional.of(dynamoDb.describeTable(b -> b.tableName(tableName)).table());
        } catch (ResourceNotFoundException absent) {
            return Optional.empty();
        }
    }

    /** A new table and its GSIs start CREATING; writes to it fail until they are ACTIVE. */
    private void awaitActive(String tableName) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TableDescription> table = describe(tableName);
            if (table.isPresent() && isActive(table.get())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + tableName + " did not become ACTIVE within " + timeout);
            }
            sleep();
        }
    }

    private static boolean isActive(TableDescription table) {
        return table.tableStatus() == TableStatus.ACTIVE
                && table.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
    }

    /** UpdateTimeToLive fails with ValidationException when TTL is already enabled, so look first. */
    private void enableTtl(String tableName, String attribute) {
        TimeToLiveStatus status = dynamoDb.describeTimeToLive(b -> b.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a table to become ACTIVE", e);
        }
    }
}
