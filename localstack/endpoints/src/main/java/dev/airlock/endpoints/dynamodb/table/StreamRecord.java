package dev.airlock.endpoints.dynamodb.table;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.Map;
import java.util.Optional;

/**
 * One record of a table's stream, with the images its stream's view type keeps (API_StreamRecord).
 *
 * @param sequenceNumber    position in the stream, 1, 2, 3… in commit order
 * @param eventName         INSERT, MODIFY or REMOVE
 * @param createdEpochSecond the commit time, rounded down to the second as DynamoDB reports it
 */
public record StreamRecord(long sequenceNumber, String eventId, String eventName, long createdEpochSecond,
                           String viewType, Map<String, AttributeValue> keys,
                           Optional<Map<String, AttributeValue>> newImage,
                           Optional<Map<String, AttributeValue>> oldImage, long sizeBytes) {

    /** Sequence numbers are written as 21-digit decimal strings, so string and numeric order agree. */
    public static String formatSequenceNumber(long sequenceNumber) {
        return String.format("%021d", sequenceNumber);
    }

    public String formattedSequenceNumber() {
        return formatSequenceNumber(sequenceNumber);
    }
}
