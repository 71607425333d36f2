package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AuditHead;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Whether a chain's last record names an action and details, asked without reading the audit table:
 * the head's seq from the chain-head item (requests table, consistent read), then a
 * {@code TransactWriteItems} holding one {@code ConditionCheck} on that record. So the {@code sign}
 * function, which may only append to the audit table (PutItem and ConditionCheckItem in
 * TransactWriteItems), can tell whether its CA key is registered. Records appended meanwhile only make
 * the answer "no", and the caller then appends.
 */
final class LastRecordCheck {

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;

    LastRecordCheck(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
    }

    boolean matches(String chain, AuditAction action, Map<String, String> expected) {
        AuditHead head = new ChainHeads(dynamoDb, tables.requests()).read(chain).head();
        if (head.seq() == 0) {
            return false;
        }
        Map<String, String> names = new HashMap<>(Map.of("#action", AuditItemMapper.ACTION, "#hash", AuditItemMapper.HASH));
        if (!expected.isEmpty()) { // DynamoDB refuses an attribute name the expression does not use
            names.put("#details", AuditItemMapper.DETAILS);
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":action", s(action.wire()), ":hash", s(head.hash())));
        StringBuilder condition = new StringBuilder("#hash = :hash AND #action = :action");
        int i = 0;
        for (Map.Entry<String, String> detail : new TreeMap<>(expected).entrySet()) {
            names.put("#d" + i, detail.getKey());
            values.put(":d" + i, s(detail.getValue()));
            condition.append(" AND #details.#d").append(i).append(" = :d").append(i++);
        }
        ConditionCheck check = ConditionCheck.builder().tableName(tables.audit())
                .key(Map.of(Tables.AUDIT_CHAIN, s(chain), Tables.AUDIT_SEQ, n(head.seq())))
                .conditionExpression(condition.toString()).expressionAttributeNames(names)
                .expressionAttributeValues(values).build();
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(List.of(TransactWriteItem.builder().conditionCheck(check)
                    .build())));
            return true;
        } catch (TransactionCanceledException e) {
            if (Cancellation.of(e).conditionFailed(0)) {
                return false;
            }
            throw DynamoDbErrors.map("TransactWriteItems", e);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("TransactWriteItems", e);
        }
    }
}
