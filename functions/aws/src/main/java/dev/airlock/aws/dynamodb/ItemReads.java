package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static dev.airlock.aws.dynamodb.Attr.s;

/** The one way a versioned bookkeeping item (a chain head, a break-glass counter) is read before its conditional write. */
final class ItemReads {

    private ItemReads() {
    }

    /** Strongly consistent GetItem by the requests table's key; an empty map when the item does not exist. */
    static Map<String, AttributeValue> consistentGet(DynamoDbClient dynamoDb, String table, String id) {
        Map<String, AttributeValue> item;
        try {
            item = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(Tables.REQ_ID, s(id)))
                    .consistentRead(true)).item();
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", e);
        }
        return item == null ? Map.of() : item;
    }
}
