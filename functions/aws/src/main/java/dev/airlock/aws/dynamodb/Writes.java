package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;

/** The conditional writes every adapter here composes into one {@code TransactWriteItems}. */
final class Writes {

    private Writes() {
    }

    /** A conditional Put; {@code values} may be empty (DynamoDB rejects an empty value map). */
    static Put put(String table, Map<String, AttributeValue> item, String condition, Map<String, String> names,
                   Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return put.build();
    }

    /**
     * The append of an audit record: a Put that never overwrites ({@code attribute_not_exists}), the
     * only write the functions' IAM role allows on the audit table.
     */
    static TransactWriteItem auditPut(String auditTable, AuditRecord record) {
        return TransactWriteItem.builder().put(put(auditTable, AuditItemMapper.toItem(record),
                "attribute_not_exists(#chain)", Map.of("#chain", Tables.AUDIT_CHAIN), Map.of())).build();
    }

    static TransactWriteItem item(Put put) {
        return TransactWriteItem.builder().put(put).build();
    }

    /**
     * Runs the transaction. A cancellation is rethrown for the caller to interpret item by item;
     * every other failure becomes a domain error. The SDK fills {@code ClientRequestToken}, so its own
     * retries of a transaction whose outcome was unknown are idempotent (TransactWriteItems API reference).
     */
    static void transact(DynamoDbClient dynamoDb, List<TransactWriteItem> items) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            throw e;
        } catch (SdkException e) {
            throw DynamoDbErrors.map("TransactWriteItems", e);
        }
    }
}
