package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsJsonService;
import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.table.StreamRecord;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.Table;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Embedded DynamoDB Streams (AWS JSON 1.0, target prefix {@code DynamoDBStreams_20120810}) over the
 * tables of a {@link DynamoDbService}: ListStreams, DescribeStream, GetShardIterator, GetRecords.
 * Each stream has one shard, open while the stream is enabled.
 */
public final class DynamoDbStreamsService implements AwsJsonService {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_LIST_LIMIT = 100;

    @FunctionalInterface
    private interface Operation {
        ObjectNode run(ObjectNode request) throws AwsServiceException;
    }

    private final Store store;
    private final Map<String, Operation> operations;
    private final StreamReads reads;

    DynamoDbStreamsService(Store store, Clock clock) {
        this.store = store;
        this.reads = new StreamReads(store, clock);
        this.operations = Map.of(
                "ListStreams", this::listStreams,
                "DescribeStream", this::describeStream,
                "GetShardIterator", reads::getShardIterator,
                "GetRecords", reads::getRecords);
    }

    @Override
    public String targetPrefix() {
        return "DynamoDBStreams_20120810";
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) throws AwsServiceException {
        Operation handler = operations.get(operation);
        if (handler == null) {
            throw new AwsServiceException("UnknownOperationException", "The embedded DynamoDB Streams does not support "
                    + operation + " (supported: " + new TreeSet<>(operations.keySet()) + ")", 400);
        }
        return handler.run(request);
    }

    @Override
    public String errorTypeOf(String code) {
        return switch (code) {
            case "MissingAuthenticationTokenException", "IncompleteSignatureException", "UnknownOperationException",
                 "SerializationException" -> "com.amazon.coral.service#" + code;
            case "ValidationException" -> "com.amazon.coral.validate#" + code;
            default -> "com.amazonaws.dynamodb.v20120810#" + code;
        };
    }

    @Override
    public AwsServiceException internalError(String operation) {
        return new AwsServiceException("InternalServerError", "Internal server error", 500);
    }

    private ObjectNode listStreams(ObjectNode request) throws AwsServiceException {
        Optional<String> tableName = Requests.optionalString(request, "TableName");
        int limit = Requests.optionalInt(request, "Limit").orElse(MAX_LIST_LIMIT);
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw Requests.constraint(String.valueOf(limit), "limit", "Member must have value between 1 and "
                    + MAX_LIST_LIMIT);
        }
        Optional<String> start = Requests.optionalString(request, "ExclusiveStartStreamArn");
        return store.read(tables -> {
            if (tableName.isPresent() && tables.table(tableName.get()).isEmpty()) {
                throw Requests.resourceNotFound();
            }
            ObjectNode response = NODES.objectNode();
            ArrayNode streams = response.putArray("Streams");
            boolean started = start.isEmpty();
            for (String name : tables.names()) {
                Table table = tables.table(name).orElseThrow();
                Optional<StreamSettings> stream = table.definition().stream();
                if (stream.isEmpty() || tableName.filter(t -> !t.equals(name)).isPresent()) {
                    continue;
                }
                String arn = stream.get().arn(table.definition().arn());
                if (!started) {
                    started = arn.equals(start.get());
                    continue;
                }
                if (streams.size() == limit) {
                    response.put("LastEvaluatedStreamArn", streams.get(limit - 1).path("StreamArn").asString());
                    break;
                }
                streams.addObject().put("StreamArn", arn).put("TableName", name).put("StreamLabel", stream.get().label());
            }
            return response;
        });
    }

    private ObjectNode describeStream(ObjectNode request) throws AwsServiceException {
        String arn = Requests.requiredString(request, "StreamArn", "streamArn");
        Optional<String> exclusiveStartShard = Requests.optionalString(request, "ExclusiveStartShardId");
        return store.read(tables -> {
            Table table = StreamReads.tableOfStream(tables, arn);
            StreamSettings stream = table.definition().stream().orElseThrow();
            ObjectNode description = NODES.objectNode();
            description.put("StreamArn", arn).put("StreamLabel", stream.label())
                    .put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED")
                    .put("StreamViewType", stream.viewType())
                    .put("CreationRequestDateTime",
                            LocalDateTime.parse(stream.label()).toEpochSecond(ZoneOffset.UTC))
                    .put("TableName", table.definition().name());
            description.set("KeySchema", TableDescriptions.keySchema(table.definition().keySchema()));
            ArrayNode shards = description.putArray("Shards");
            String shardId = StreamPosition.shardId(table.definition(), stream);
            if (exclusiveStartShard.filter(shardId::equals).isEmpty()) {
                ObjectNode range = shards.addObject().put("ShardId", shardId).putObject("SequenceNumberRange");
                range.put("StartingSequenceNumber", StreamRecord.formatSequenceNumber(1));
                long last = table.stream().nextSequenceNumber() - 1;
                if (!stream.enabled() && last > 0) {
                    range.put("EndingSequenceNumber",
                            StreamRecord.formatSequenceNumber(last));
                }
            }
            ObjectNode response = NODES.objectNode();
            response.set("StreamDescription", description);
            return response;
        });
    }
}
