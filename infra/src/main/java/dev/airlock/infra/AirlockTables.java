package dev.airlock.infra;

import dev.airlock.core.storage.TableSchema;
import dev.airlock.core.storage.TableSchema.IndexSchema;
import dev.airlock.core.storage.TableSchema.KeyAttribute;
import dev.airlock.core.storage.Tables;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

import java.util.List;
import java.util.Set;

/**
 * The two DynamoDB tables, converted from the shared {@link Tables} definition so keys and indexes
 * are declared in exactly one place. Both keep their data when the stack is deleted and have
 * deletion protection and point-in-time recovery on; {@link #restrictTo} adds their resource policies.
 * A table that some function consumes ({@code Trigger.TableStream}) has a stream with old and new images:
 * the checkpoint function needs the old image of a MODIFY or REMOVE to report what was tampered with.
 */
public final class AirlockTables extends Construct {

    /** The table names a {@code Trigger.TableStream} uses. */
    public static final String REQUESTS = "requests";
    public static final String AUDIT = "audit";

    private final Table requests;
    private final Table audit;

    /** @param streamed the tables some function consumes the stream of ({@link #REQUESTS}, {@link #AUDIT}) */
    public AirlockTables(Construct scope, String id, Set<String> streamed) {
        super(scope, id);
        for (String name : streamed) {
            if (!List.of(REQUESTS, AUDIT).contains(name)) {
                throw new IllegalArgumentException("no table '" + name + "' to stream (" + REQUESTS + ", " + AUDIT + ")");
            }
        }
        this.requests = table("Requests", Tables.REQUESTS, streamed.contains(REQUESTS));
        this.audit = table("Audit", Tables.AUDIT, streamed.contains(AUDIT));
    }

    /** The table a {@code Trigger.TableStream} names. */
    public Table byStreamName(String name) {
        return switch (name) {
            case REQUESTS -> requests;
            case AUDIT -> audit;
            default -> throw new IllegalArgumentException("no table '" + name + "'");
        };
    }

    /** IAM resource of every stream of a table (DynamoDB developer guide, IAM policy for Lambda and streams). */
    public String streamsArn(Table table) {
        return table.getTableArn() + "/stream/*";
    }

    /**
     * Attaches the {@link TablePolicies}: once the functions' roles exist, since the policies name
     * them. The table depends on the roles then, never the roles on the table.
     *
     * @param requestsWriters roles of the functions that write the requests table
     * @param auditWriters    roles of the functions that append to the audit table
     */
    public void restrictTo(List<String> requestsWriters, List<String> auditWriters, String keyAdministratorArn) {
        TablePolicies.requests(arnOf(Tables.REQUESTS.logicalName()), requestsWriters, keyAdministratorArn)
                .forEach(requests::addToResourcePolicy);
        TablePolicies.audit(arnOf(Tables.AUDIT.logicalName()), auditWriters, keyAdministratorArn)
                .forEach(audit::addToResourcePolicy);
    }

    public Table requests() {
        return requests;
    }

    public Table audit() {
        return audit;
    }

    /** ARN of one index of the requests table (IAM names indexes by ARN, not by the table's). */
    public String requestsIndexArn(String indexName) {
        return requests.getTableArn() + "/index/" + indexName;
    }

    /** ARN of one index of the audit table. */
    public String auditIndexArn(String indexName) {
        return audit.getTableArn() + "/index/" + indexName;
    }

    private Table table(String id, TableSchema schema, boolean streamed) {
        Table.Builder builder = Table.Builder.create(this, id)
                .tableName(schema.logicalName())
                .partitionKey(attribute(schema.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN);
        if (streamed) {
            builder.stream(StreamViewType.NEW_AND_OLD_IMAGES);
        }
        schema.sortKey().ifPresent(k -> builder.sortKey(attribute(k)));
        schema.ttlAttribute().ifPresent(builder::timeToLiveAttribute);
        Table table = builder.build();
        schema.indexes().forEach(index -> table.addGlobalSecondaryIndex(indexProps(index)));
        return table;
    }

    private static GlobalSecondaryIndexProps indexProps(IndexSchema index) {
        GlobalSecondaryIndexProps.Builder builder = GlobalSecondaryIndexProps.builder()
                .indexName(index.name())
                .partitionKey(attribute(index.partitionKey()))
                .projectionType(ProjectionType.valueOf(index.projection().name()));
        index.sortKey().ifPresent(k -> builder.sortKey(attribute(k)));
        if (!index.nonKeyAttributes().isEmpty()) {
            builder.nonKeyAttributes(index.nonKeyAttributes());
        }
        return builder.build();
    }

    private static Attribute attribute(KeyAttribute key) {
        AttributeType type = switch (key.type()) {
            case S -> AttributeType.STRING;
            case N -> AttributeType.NUMBER;
            case B -> AttributeType.BINARY;
        };
        return Attribute.builder().name(key.name()).type(type).build();
    }

    /** A table's ARN built from its name: a resource cannot refer to its own ARN in CloudFormation. */
    private String arnOf(String tableName) {
        return Stack.of(this).formatArn(ArnComponents.builder()
                .service("dynamodb").resource("table").resourceName(tableName).build());
    }
}
