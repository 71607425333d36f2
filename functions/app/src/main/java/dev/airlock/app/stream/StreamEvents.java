package dev.airlock.app.stream;

import dev.airlock.aws.dynamodb.AttributeValueJson;
import dev.airlock.aws.dynamodb.AuditImages;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the raw event Lambda's DynamoDB event source mapping delivers ({@code {"Records": [...]}}, each
 * with {@code eventName} and {@code dynamodb.Keys}, {@code NewImage}, {@code SequenceNumber} in
 * attribute-value JSON; Lambda developer guide, "Using AWS Lambda with Amazon DynamoDB") into the audit
 * table's {@link StreamChange}s, in stream order. Read here with Jackson rather than converted by
 * Spring into {@code DynamodbEvent}, for the reason {@code RawEventFunction} gives for HTTP events.
 */
public final class StreamEvents {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private StreamEvents() {
    }

    /**
     * @throws IllegalArgumentException when the input is not a stream event (only a direct invocation
     *                                  can send that); the message does not echo the input
     */
    public static List<StreamChange> changes(byte[] event) {
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the input is not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (isHeartbeat(root)) {
            return List.of();
        }
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("the input is not a DynamoDB stream event (no Records array)");
        }
        List<StreamChange> changes = new ArrayList<>();
        for (JsonNode record : records) {
            changes.add(change(record));
        }
        return changes;
    }

    /**
     * The heartbeat of a stream trigger (core {@code Trigger.TableStream}): EventBridge's scheduled event
     * ({@code "source": "aws.events", "detail-type": "Scheduled Event"}), an empty batch.
     */
    private static boolean isHeartbeat(JsonNode root) {
        return root != null && "aws.events".equals(root.path("source").asString(""))
                && "Scheduled Event".equals(root.path("detail-type").asString(""));
    }

    private static StreamChange change(JsonNode record) {
        JsonNode data = record.path("dynamodb");
        String id = data.path("SequenceNumber").asString("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("a stream record without dynamodb.SequenceNumber");
        }
        StreamChange.Event event;
        try {
            event = StreamChange.Event.valueOf(record.path("eventName").asString(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stream record " + id + ": eventName is not INSERT, MODIFY or REMOVE");
        }
        Map<String, AttributeValue> keys = image(data.get("Keys")).orElse(Map.of());
        String chain = Optional.ofNullable(keys.get(Tables.AUDIT_CHAIN)).map(AttributeValue::s).orElse("?");
        long seq = AuditImages.seq(keys);
        Optional<StoredRecord> newImage = image(data.get("NewImage")).map(AuditImages::read);
        return new StreamChange(id, event, chain, seq, newImage);
    }

    /** An image as an item; an unreadable one as an item no record can be read from. */
    private static Optional<Map<String, AttributeValue>> image(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AttributeValueJson.item(json));
        } catch (IllegalArgumentException e) {
            return Optional.of(Map.of());
        }
    }
}
