package dev.airlock.local;

import dev.airlock.aws.dynamodb.AttributeValueJson;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The event Lambda's DynamoDB event source mapping delivers for a batch of stream records
 * ({@code DynamodbEvent}: {@code {"Records": [...]}}, each record as GetRecords returns it, plus
 * {@code eventSourceARN}; Lambda developer guide, "Using AWS Lambda with Amazon DynamoDB"), built
 * from the records the runner read through the DynamoDB Streams API.
 */
final class StreamEventJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StreamEventJson() {
    }

    static byte[] event(List<Record> records, String streamArn) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            array.add(record(record, streamArn));
        }
        return JSON.writeValueAsBytes(event);
    }

    private static ObjectNode record(Record record, String streamArn) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("eventID", record.eventID()).put("eventName", record.eventNameAsString())
                .put("eventVersion", record.eventVersion()).put("eventSource", record.eventSource())
                .put("awsRegion", record.awsRegion());
        StreamRecord data = record.dynamodb();
        ObjectNode dynamodb = out.putObject("dynamodb");
        if (data.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", data.approximateCreationDateTime().getEpochSecond());
        }
        dynamodb.set("Keys", AttributeValueJson.json(data.keys()));
        if (data.hasNewImage()) {
            dynamodb.set("NewImage", AttributeValueJson.json(data.newImage()));
        }
        if (data.hasOldImage()) {
            dynamodb.set("OldImage", AttributeValueJson.json(data.oldImage()));
        }
        dynamodb.put("SequenceNumber", data.sequenceNumber());
        if (data.sizeBytes() != null) {
            dynamodb.put("SizeBytes", data.sizeBytes());
        }
        dynamodb.put("StreamViewType", data.streamViewTypeAsString());
        out.put("eventSourceARN", streamArn);
        return out;
    }
}
