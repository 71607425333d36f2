package dev.airlock.local;

import software.amazon.awssdk.services.dynamodb.model.Record;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.OptionalInt;

/**
 * Reads a stream function's partial batch response as Lambda does (Lambda developer guide,
 * "Configuring partial batch response with DynamoDB and Lambda"): no {@code batchItemFailures} (or an
 * empty or null list, or no response at all) is complete success; an {@code itemIdentifier} that is
 * missing, empty or names no record of the batch is complete failure; otherwise the batch is redone
 * from the failed record that comes first.
 */
final class BatchResponse {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BatchResponse() {
    }

    /** The index of the first record to deliver again; empty when the whole batch is done. */
    static OptionalInt firstFailed(byte[] response, List<Record> batch) {
        JsonNode failures;
        try {
            JsonNode root = response.length == 0 ? null : JSON.readTree(response);
            failures = root == null || !root.isObject() ? null : root.get("batchItemFailures");
        } catch (JacksonException e) {
            return OptionalInt.empty();
        }
        if (failures == null || failures.isNull() || !failures.isArray() || failures.isEmpty()) {
            return OptionalInt.empty();
        }
        int first = batch.size();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asString("");
            int index = indexOf(batch, id);
            if (index < 0) {
                return OptionalInt.of(0);
            }
            first = Math.min(first, index);
        }
        return OptionalInt.of(first);
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (!sequenceNumber.isEmpty() && batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }
}
