package dev.airlock.app.stream;

import dev.airlock.aws.dynamodb.AttributeValueJson;
import dev.airlock.aws.dynamodb.AuditImages;
import dev.airlock.core.audit.AuditRecord;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: a DynamoDB stream event of INSERTs of audit records, shaped as the Lambda developer guide's
 * sample event (eventID, eventName, eventVersion, eventSource, awsRegion, dynamodb.{Keys, NewImage,
 * SequenceNumber, SizeBytes, StreamViewType}, eventSourceARN).
 */
final class AuditStreamEvent {

    private AuditStreamEvent() {
    }

    /** Record i gets SequenceNumber {@code firstSequence + i}. */
    static byte[] inserts(List<AuditRecord> records, long firstSequence) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        var array = event.putArray("Records");
        for (int i = 0; i < records.size(); i++) {
            AuditRecord record = records.get(i);
            Map<String, AttributeValue> item = AuditImages.item(record);
            ObjectNode r = array.addObject().put("eventID", "id-" + i).put("eventName", "INSERT")
                    .put("eventVersion", "1.1").put("eventSource", "aws:dynamodb").put("awsRegion", "us-east-1")
                    .put("eventSourceARN", "arn:aws:dynamodb:us-east-1:123456789012:table/airlock-audit/stream/x");
            ObjectNode dynamodb = r.putObject("dynamodb");
            dynamodb.put("ApproximateCreationDateTime", 1428537600L);
            dynamodb.set("Keys", AttributeValueJson.json(Map.of("chain", item.get("chain"), "seq", item.get("seq"))));
            dynamodb.set("NewImage", AttributeValueJson.json(item));
            dynamodb.put("SequenceNumber", Long.toString(firstSequence + i)).put("SizeBytes", 200)
                    .put("StreamViewType", "NEW_AND_OLD_IMAGES");
        }
        return JsonMapper.builder().build().writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    }
}
