package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.table.StreamRecord;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GetShardIterator and GetRecords of the embedded DynamoDB Streams (API_streams_*). */
final class StreamReads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern STREAM_ARN = Pattern.compile(
            "arn:aws:dynamodb:[^:]+:[0-9]+:table/([a-zA-Z0-9_.-]+)/stream/(.+)");
    private static final Pattern SEQUENCE_NUMBER = Pattern.compile("[0-9]{1,40}");
    private static final List<String> ITERATOR_TYPES =
            List.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");
    /** "The maximum number of records to return from the shard. The upper limit is 1000." */
    private static final int MAX_RECORDS = 1000;
    /** What every record says about its origin (API_streams_Record). */
    private static final String EVENT_VERSION = "1.1";

    private final Store store;
    private final Clock clock;

    StreamReads(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The table whose current stream is {@code arn}, or {@code ResourceNotFoundException}. */
    static Table tableOfStream(Store.Tables tables, String arn) throws AwsServiceException {
        Matcher matcher = STREAM_ARN.matcher(arn);
        AwsServiceException notFound = new AwsServiceException("ResourceNotFoundException",
                "Requested resource not found: Stream: " + arn + " not found", 400);
        if (!matcher.matches()) {
            throw notFound;
        }
        Table table = tables.table(matcher.group(1)).orElseThrow(() -> notFound);
        if (table.definition().stream().filter(s -> s.arn(table.definition().arn()).equals(arn)).isEmpty()) {
            throw notFound;
        }
        return table;
    }

    ObjectNode getShardIterator(ObjectNode request) throws AwsServiceException {
        String arn = Requests.requiredString(request, "StreamArn", "streamArn");
        String shardId = Requests.requiredString(request, "ShardId", "shardId");
        String type = Requests.requiredString(request, "ShardIteratorType", "shardIteratorType");
        if (!ITERATOR_TYPES.contains(type)) {
            throw Requests.constraint(type, "shardIteratorType", "Member must satisfy enum value set: " + ITERATOR_TYPES);
        }
        long sequence = type.endsWith("_SEQUENCE_NUMBER") ? sequenceNumber(request, type) : 0;
        return store.read(tables -> {
            Table table = tableOfStream(tables, arn);
            StreamSettings stream = table.definition().stream().orElseThrow();
            if (!StreamPosition.shardId(table.definition(), stream).equals(shardId)) {
                throw new AwsServiceException("ResourceNotFoundException",
                        "Requested resource not found: Shard does not exist", 400);
            }
            long next = switch (type) {
                case "TRIM_HORIZON" -> 1;
                case "LATEST" -> table.stream().nextSequenceNumber();
                case "AT_SEQUENCE_NUMBER" -> sequence;
                default -> sequence + 1;
            };
            ObjectNode response = NODES.objectNode();
            response.put("ShardIterator", new StreamPosition(arn, next, clock.instant()).encode());
            return response;
        });
    }

    ObjectNode getRecords(ObjectNode request) throws AwsServiceException {
        String iterator = Requests.requiredString(request, "ShardIterator", "shardIterator");
        int limit = Requests.optionalInt(request, "Limit").orElse(MAX_RECORDS);
        if (limit < 1 || limit > MAX_RECORDS) {
            throw Requests.constraint(String.valueOf(limit), "limit", "Member must have value between 1 and " + MAX_RECORDS);
        }
        StreamPosition position = StreamPosition.decode(iterator);
        position.checkNotExpired(clock.instant());
        return store.read(tables -> {
            Table table = tableOfStream(tables, position.streamArn());
            List<StreamRecord> records = table.stream().from(position.nextSequenceNumber(), limit);
            ObjectNode response = NODES.objectNode();
            ArrayNode list = response.putArray("Records");
            records.forEach(record -> list.add(toJson(record)));
            long next = records.isEmpty() ? position.nextSequenceNumber()
                    : records.get(records.size() - 1).sequenceNumber() + 1;
            boolean closed = !table.definition().stream().orElseThrow().enabled();
            if (!(closed && next >= table.stream().nextSequenceNumber())) {
                // an open shard always has a next iterator; a closed one has none once read to its end
                response.put("NextShardIterator", new StreamPosition(position.streamArn(), next, clock.instant()).encode());
            }
            return response;
        });
    }

    private static long sequenceNumber(ObjectNode request, String type) throws AwsServiceException {
        String text = Requests.optionalString(request, "SequenceNumber").orElseThrow(() ->
                AwsServiceException.validation("SequenceNumber is required for ShardIteratorType " + type));
        if (!SEQUENCE_NUMBER.matcher(text).matches()) {
            throw Requests.constraint(text, "sequenceNumber", "Member must have length less than or equal to 40, "
                    + "Member must satisfy regular expression pattern: [0-9]+");
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 18) {
            throw AwsServiceException.validation("Invalid SequenceNumber for this shard: " + text);
        }
        return Math.max(1, Long.parseLong(digits));
    }

    private static ObjectNode toJson(StreamRecord record) {
        ObjectNode node = NODES.objectNode();
        node.put("eventID", record.eventId()).put("eventName", record.eventName()).put("eventVersion", EVENT_VERSION)
                .put("eventSource", "aws:dynamodb").put("awsRegion", CreateTableRequest.REGION);
        ObjectNode data = node.putObject("dynamodb");
        data.put("ApproximateCreationDateTime", record.createdEpochSecond());
        data.set("Keys", AttributeValueJson.itemToJson(record.keys()));
        record.newImage().ifPresent(image -> data.set("NewImage", AttributeValueJson.itemToJson(image)));
        record.oldImage().ifPresent(image -> data.set("OldImage", AttributeValueJson.itemToJson(image)));
        data.put("SequenceNumber", record.formattedSequenceNumber()).put("SizeBytes", record.sizeBytes())
                .put("StreamViewType", record.viewType());
        return node;
    }
}
