package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsJsonService;
import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ObjectNode;

import dev.airlock.endpoints.dynamodb.store.Store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Embedded DynamoDB (AWS JSON 1.0, target prefix {@code DynamoDB_20120810}). */
public final class DynamoDbService implements AwsJsonService, AutoCloseable {

    /** Operations whose throttling error is {@code ThrottlingException} rather than the table's throughput error. */
    private static final Set<String> THROTTLED_AS_RATE = Set.of(
            "TransactWriteItems", "TransactGetItems", "CreateTable", "DeleteTable", "DescribeTable",
            "ListTables", "UpdateTable", "UpdateTimeToLive", "DescribeTimeToLive");

    /** One DynamoDB operation. */
    @FunctionalInterface
    private interface Operation {
        ObjectNode run(ObjectNode request) throws AwsServiceException;
    }

    private final Store store;
    private final Clock clock;
    private final Map<String, Operation> operations;

    /** An in-memory DynamoDB, or one that keeps its tables in {@code dataDirectory} across restarts. */
    public DynamoDbService(Optional<Path> dataDirectory) {
        this(dataDirectory, Clock.systemUTC());
    }

    /** As {@link #DynamoDbService(Optional)}, with the clock that times stream records and iterators. */
    public DynamoDbService(Optional<Path> dataDirectory, Clock clock) {
        this.clock = clock;
        this.store = Store.open(dataDirectory, clock);
        TableOperations tables = new TableOperations(store, clock);
        ItemOperations items = new ItemOperations(store);
        ReadOperations reads = new ReadOperations(store);
        TransactionOperations transactions = new TransactionOperations(store, clock);
        this.operations = Map.ofEntries(
                Map.entry("CreateTable", tables::createTable),
                Map.entry("DescribeTable", tables::describeTable),
                Map.entry("ListTables", tables::listTables),
                Map.entry("DeleteTable", tables::deleteTable),
                Map.entry("UpdateTable", tables::updateTable),
                Map.entry("UpdateTimeToLive", tables::updateTimeToLive),
                Map.entry("DescribeTimeToLive", tables::describeTimeToLive),
                Map.entry("PutItem", items::putItem),
                Map.entry("GetItem", items::getItem),
                Map.entry("UpdateItem", items::updateItem),
                Map.entry("DeleteItem", items::deleteItem),
                Map.entry("Query", reads::query),
                Map.entry("Scan", reads::scan),
                Map.entry("TransactWriteItems", transactions::transactWriteItems),
                Map.entry("TransactGetItems", transactions::transactGetItems));
    }

    /** DynamoDB Streams over this service's tables (the same store and clock). */
    public DynamoDbStreamsService streams() {
        return new DynamoDbStreamsService(store, clock);
    }

    @Override
    public String targetPrefix() {
        return "DynamoDB_20120810";
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) throws AwsServiceException {
        Operation handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The embedded DynamoDB does not support "
                    + operation + " (supported: " + new java.util.TreeSet<>(operations.keySet()) + ")", 400);
        }
        rejectCapacityReporting(request);
        return handler.run(request);
    }

    /**
     * The embedded store does not model capacity units, so it cannot report them; saying so beats
     * answering without the ConsumedCapacity the caller asked for.
     */
    private static void rejectCapacityReporting(ObjectNode request) throws AwsServiceException {
        String asked = request.path("ReturnConsumedCapacity").asString("NONE");
        if (!asked.equals("NONE")) {
            throw AwsServiceException.validation("ReturnConsumedCapacity " + asked + " is not supported by the embedded "
                    + "DynamoDB, which does not model capacity units; use NONE");
        }
    }

    /**
     * DynamoDB qualifies every error with the namespace of the layer that raised it; the SDK keeps
     * the part after {@code #}.
     */
    @Override
    public String errorTypeOf(String code) {
        return switch (code) {
            case "MissingAuthenticationTokenException", "IncompleteSignatureException", "UnknownOperationException",
                 "SerializationException", "UnrecognizedClientException", "AccessDeniedException" ->
                    "com.amazon.coral.service#" + code;
            case "ValidationException" -> "com.amazon.coral.validate#" + code;
            case "ThrottlingException" -> "com.amazon.coral.availability#" + code;
            default -> "com.amazonaws.dynamodb.v20120810#" + code;
        };
    }

    /**
     * Per the DynamoDB API reference: single-item reads and writes, queries and scans are throttled
     * with {@code ProvisionedThroughputExceededException}; transactions and table (control-plane)
     * operations with {@code ThrottlingException}. Both are HTTP 400 and retried by the SDKs.
     */
    @Override
    public AwsServiceException throttlingError(String operation) {
        if (THROTTLED_AS_RATE.contains(operation)) {
            return new AwsServiceException("ThrottlingException", "Rate of requests exceeds the allowed throughput.", 400);
        }
        return new AwsServiceException("ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded. "
                        + "Consider increasing your provisioning level with the UpdateTable API.", 400);
    }

    @Override
    public AwsServiceException internalError(String operation) {
        return new AwsServiceException("InternalServerError", "Internal server error", 500);
    }

    /** Writes a final snapshot when persistent. */
    @Override
    public void close() {
        store.close();
    }
}
