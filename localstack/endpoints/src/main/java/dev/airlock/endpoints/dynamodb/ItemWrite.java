package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.expr.Condition;
import dev.airlock.endpoints.dynamodb.expr.ConditionEvaluator;
import dev.airlock.endpoints.dynamodb.expr.ConditionParser;
import dev.airlock.endpoints.dynamodb.expr.DocumentPath;
import dev.airlock.endpoints.dynamodb.expr.ExpressionContext;
import dev.airlock.endpoints.dynamodb.expr.UpdateApplier;
import dev.airlock.endpoints.dynamodb.expr.UpdateExpression;
import dev.airlock.endpoints.dynamodb.expr.UpdateParser;
import dev.airlock.endpoints.dynamodb.store.Change;
import dev.airlock.endpoints.dynamodb.table.IndexDefinition;
import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ItemSize;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One conditional write of one item, parsed and checked before any lock is taken: the common core
 * of PutItem, UpdateItem, DeleteItem and the four actions of TransactWriteItems.
 */
final class ItemWrite {

    enum Kind { PUT, UPDATE, DELETE, CONDITION_CHECK }

    private static final List<String> ON_FAILURE = List.of("ALL_OLD", "NONE");

    final Kind kind;
    final String tableName;
    /** The whole item for PUT, the key otherwise (not yet checked against the schema). */
    final Map<String, AttributeValue> itemOrKey;
    final Optional<Condition> condition;
    final Optional<UpdateExpression> update;
    final boolean returnOldItemOnFailure;

    private ItemWrite(Kind kind, String tableName, Map<String, AttributeValue> itemOrKey, Optional<Condition> condition,
                      Optional<UpdateExpression> update, boolean returnOldItemOnFailure) {
        this.kind = kind;
        this.tableName = tableName;
        this.itemOrKey = itemOrKey;
        this.condition = condition;
        this.update = update;
        this.returnOldItemOnFailure = returnOldItemOnFailure;
    }

    /** Parses one write; {@code kind} says which parameters it has. */
    static ItemWrite parse(Kind kind, ObjectNode request) throws AwsServiceException {
        Requests.rejectLegacy(request, "Expected", "ConditionalOperator", "AttributeUpdates");
        String tableName = Requests.tableName(request);
        Map<String, AttributeValue> itemOrKey = kind == Kind.PUT
                ? Requests.requiredItem(request, "Item", "item")
                : Requests.requiredItem(request, "Key", "key");
        ExpressionContext context = ExpressionContext.of(request);
        Optional<UpdateExpression> update = Optional.empty();
        if (kind == Kind.UPDATE) {
            Optional<String> expression = Requests.optionalString(request, "UpdateExpression");
            if (expression.isPresent()) {
                update = Optional.of(UpdateParser.parse(expression.get(), context));
            }
        }
        Optional<String> conditionText = Requests.optionalString(request, "ConditionExpression");
        if (kind == Kind.CONDITION_CHECK && conditionText.isEmpty()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'conditionExpression' "
                    + "failed to satisfy constraint: Member must not be null");
        }
        Optional<Condition> condition = Optional.empty();
        if (conditionText.isPresent()) {
            condition = Optional.of(ConditionParser.parse(conditionText.get(), "ConditionExpression", context));
        }
        context.checkAllUsed();
        boolean returnOld = Requests.enumValue(request, "ReturnValuesOnConditionCheckFailure",
                "returnValuesOnConditionCheckFailure", "NONE", ON_FAILURE).equals("ALL_OLD");
        return new ItemWrite(kind, tableName, itemOrKey, condition, update, returnOld);
    }

    /**
     * The checked key of the item this write targets. A Put's whole item is known up front, so it
     * is checked here too (index key types, 400 KB): a bad item fails the request, not its condition.
     */
    Map<String, AttributeValue> key(Table table) throws AwsServiceException {
        KeySchema schema = table.definition().keySchema();
        if (kind == Kind.PUT) {
            Map<String, AttributeValue> key = schema.keyOfItem(itemOrKey);
            checked(table, itemOrKey, "Item size has exceeded the maximum allowed size");
            return key;
        }
        return schema.checkKey(itemOrKey);
    }

    /** What the write does to the item now stored under {@code key}. */
    record Outcome(Optional<Map<String, AttributeValue>> before, Optional<Map<String, AttributeValue>> after,
                   boolean conditionFailed) {
    }

    /**
     * Evaluates the condition against the stored item and computes the new item. A failed condition
     * is reported in the outcome; anything invalid at run time (types, size) is thrown.
     */
    Outcome evaluate(Table table, Map<String, AttributeValue> key) throws AwsServiceException {
        Optional<Map<String, AttributeValue>> before = table.get(key);
        if (condition.isPresent() && !ConditionEvaluator.matches(condition.get(), before.orElse(Map.of()))) {
            return new Outcome(before, before, true);
        }
        return switch (kind) {
            case PUT -> new Outcome(before, Optional.of(itemOrKey), false);
            case DELETE -> new Outcome(before, Optional.empty(), false);
            case CONDITION_CHECK -> new Outcome(before, before, false);
            case UPDATE -> new Outcome(before, Optional.of(updated(table, key, before)), false);
        };
    }

    /** The change that stores {@code outcome}, if the write changes anything. */
    Optional<Change> change(Outcome outcome) {
        if (kind == Kind.CONDITION_CHECK || outcome.conditionFailed()) {
            return Optional.empty();
        }
        if (outcome.after().isPresent()) {
            return Optional.of(new Change.PutItem(tableName, outcome.after().get()));
        }
        return outcome.before().map(old -> new Change.DeleteItem(tableName, old));
    }

    List<DocumentPath> updatedPaths() {
        return update.map(UpdateExpression::targets).orElse(List.of());
    }

    private Map<String, AttributeValue> updated(Table table, Map<String, AttributeValue> key,
                                                Optional<Map<String, AttributeValue>> before) throws AwsServiceException {
        KeySchema schema = table.definition().keySchema();
        for (DocumentPath target : updatedPaths()) {
            if (schema.contains(target.attribute())) {
                throw AwsServiceException.validation("One or more parameter values were invalid: Cannot update attribute "
                        + target.attribute() + ". This attribute is part of the key");
            }
        }
        Map<String, AttributeValue> base = before.orElse(key);
        Map<String, AttributeValue> after = update.isPresent() ? UpdateApplier.apply(base, update.get()) : base;
        return checked(table, after, "Item size to update has exceeded the maximum allowed size");
    }

    private static Map<String, AttributeValue> checked(Table table, Map<String, AttributeValue> item, String sizeMessage)
            throws AwsServiceException {
        for (IndexDefinition index : table.definition().indexes()) {
            index.checkItem(item);
        }
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw AwsServiceException.validation(sizeMessage);
        }
        return item;
    }
}
