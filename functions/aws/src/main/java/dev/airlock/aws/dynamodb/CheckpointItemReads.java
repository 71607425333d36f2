package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Reads and writes of the checkpoint store's items by id, 100 at a time: TransactGetItems (a
 * consistent read of up to 100 keys) and TransactWriteItems (up to 100 puts), the batch operations
 * that DynamoDB, LocalStack and the embedded endpoints all serve.
 */
final class CheckpointItemReads {

    /** Most items in one TransactGetItems or TransactWriteItems call (DynamoDB API reference). */
    static final int LIMIT = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;

    CheckpointItemReads(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The items of those ids that exist, in no particular order. */
    List<Map<String, AttributeValue>> get(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LIMIT) {
            List<TransactGetItem> gets = all.subList(from, Math.min(all.size(), from + LIMIT)).stream()
                    .map(id -> TransactGetItem.builder().get(g -> g.tableName(table).key(Map.of(Tables.REQ_ID, s(id))))
                            .build()).toList();
            List<ItemResponse> responses = call("TransactGetItems",
                    () -> dynamoDb.transactGetItems(b -> b.transactItems(gets)).responses());
            responses.stream().filter(ItemResponse::hasItem).map(ItemResponse::item).filter(item -> !item.isEmpty())
                    .forEach(items::add);
        }
        return items;
    }

    /** Puts every item, 100 per transaction. */
    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += LIMIT) {
            List<TransactWriteItem> puts = items.subList(from, Math.min(items.size(), from + LIMIT)).stream()
                    .map(item -> TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build())
                    .toList();
            call("TransactWriteItems", () -> dynamoDb.transactWriteItems(b -> b.transactItems(puts)));
        }
    }

    private static <T> T call(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw DynamoDbErrors.map(operation, e);
        }
    }
}
