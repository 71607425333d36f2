package dev.airlock.endpoints.dynamodb.store;

import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.table.StreamRecord;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ItemSize;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Adds, after each item change of an operation, the stream record it produces on a table whose
 * stream is enabled — so records follow commit order, and a transaction's writes appear in its
 * order. A write that leaves the item as it was produces no record: "If you perform a PutItem or
 * UpdateItem operation that does not change any data in an item, DynamoDB Streams does not write a
 * stream record for that operation" (DynamoDB Developer Guide, Streams.html). A failed condition
 * produces no change, hence no record.
 */
final class StreamRecorder {

    private StreamRecorder() {
    }

    /**
     * {@code changes} with their stream records interleaved. Each item of one operation is written at
     * most once (DynamoDB refuses two actions on one item in a transaction), so every before-image is
     * the item as stored before the operation.
     */
    static List<Change> withStreamRecords(Map<String, Table> tables, List<Change> changes, Instant now) {
        List<Change> result = new ArrayList<>(changes.size() * 2);
        Map<String, Long> nextSequence = new HashMap<>();
        for (Change change : changes) {
            result.add(change);
            recordOf(tables, change, now, nextSequence).ifPresent(result::add);
        }
        return result;
    }

    private static Optional<Change> recordOf(Map<String, Table> tables, Change change, Instant now,
                                             Map<String, Long> nextSequence) {
        String tableName;
        Map<String, AttributeValue> keyOrItem;
        Optional<Map<String, AttributeValue>> after;
        if (change instanceof Change.PutItem put) {
            tableName = put.table();
            keyOrItem = put.item();
            after = Optional.of(put.item());
        } else if (change instanceof Change.DeleteItem delete) {
            tableName = delete.table();
            keyOrItem = delete.key();
            after = Optional.empty();
        } else {
            return Optional.empty();
        }
        Table table = tables.get(tableName);
        if (table == null || table.definition().enabledStream().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> key = keyOf(table.definition().keySchema(), keyOrItem);
        Optional<Map<String, AttributeValue>> before = table.get(key);
        if (before.equals(after)) {
            return Optional.empty();
        }
        long sequence = nextSequence.merge(tableName, table.stream().nextSequenceNumber(), (old, ignored) -> old + 1);
        StreamSettings stream = table.definition().enabledStream().get();
        return Optional.of(new Change.AppendStreamRecord(tableName,
                record(table.definition().arn(), stream, sequence, now, key, before, after)));
    }

    private static StreamRecord record(String tableArn, StreamSettings stream, long sequence, Instant now,
                                       Map<String, AttributeValue> key, Optional<Map<String, AttributeValue>> before,
                                       Optional<Map<String, AttributeValue>> after) {
        String eventName = before.isEmpty() ? "INSERT" : after.isEmpty() ? "REMOVE" : "MODIFY";
        Optional<Map<String, AttributeValue>> newImage = stream.keepsNewImage() ? after : Optional.empty();
        Optional<Map<String, AttributeValue>> oldImage = stream.keepsOldImage() ? before : Optional.empty();
        long size = ItemSize.of(key) + newImage.map(ItemSize::of).orElse(0L) + oldImage.map(ItemSize::of).orElse(0L);
        String eventId = UUID.nameUUIDFromBytes((stream.arn(tableArn) + "#" + sequence)
                .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return new StreamRecord(sequence, eventId, eventName, now.getEpochSecond(), stream.viewType(), key,
                newImage, oldImage, size);
    }

    private static Map<String, AttributeValue> keyOf(KeySchema schema, Map<String, AttributeValue> keyOrItem) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(schema.hashName(), keyOrItem.get(schema.hashName()));
        schema.rangeName().ifPresent(range -> key.put(range, keyOrItem.get(range)));
        return key;
    }
}
