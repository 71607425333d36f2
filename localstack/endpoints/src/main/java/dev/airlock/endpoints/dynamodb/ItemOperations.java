package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.expr.DocumentPath;
import dev.airlock.endpoints.dynamodb.expr.DocumentPaths;
import dev.airlock.endpoints.dynamodb.expr.ExpressionContext;
import dev.airlock.endpoints.dynamodb.expr.ProjectionParser;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PutItem, GetItem, UpdateItem, DeleteItem. */
final class ItemOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PUT_DELETE_RETURN_VALUES = List.of("NONE", "ALL_OLD");
    private static final List<String> UPDATE_RETURN_VALUES = List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Store store;

    ItemOperations(Store store) {
        this.store = store;
    }

    ObjectNode putItem(ObjectNode request) throws AwsServiceException {
        return write(ItemWrite.Kind.PUT, request, returnValues(request, PUT_DELETE_RETURN_VALUES));
    }

    ObjectNode deleteItem(ObjectNode request) throws AwsServiceException {
        return write(ItemWrite.Kind.DELETE, request, returnValues(request, PUT_DELETE_RETURN_VALUES));
    }

    ObjectNode updateItem(ObjectNode request) throws AwsServiceException {
        return write(ItemWrite.Kind.UPDATE, request, returnValues(request, UPDATE_RETURN_VALUES));
    }

    ObjectNode getItem(ObjectNode request) throws AwsServiceException {
        Requests.rejectLegacy(request, "AttributesToGet");
        String tableName = Requests.tableName(request);
        Map<String, AttributeValue> key = Requests.requiredItem(request, "Key", "key");
        Optional<List<DocumentPath>> projection = projection(request);
        Requests.bool(request, "ConsistentRead"); // every read of the embedded store is strongly consistent
        return store.read(tables -> {
            Table table = Requests.table(tables, tableName);
            Optional<Map<String, AttributeValue>> item = table.get(table.definition().keySchema().checkKey(key));
            ObjectNode response = NODES.objectNode();
            item.ifPresent(found -> response.set("Item", AttributeValueJson.itemToJson(
                    projection.map(paths -> DocumentPaths.project(found, paths)).orElse(found))));
            return response;
        });
    }

    /** The {@code ProjectionExpression} of a read request (and the check of its placeholders). */
    static Optional<List<DocumentPath>> projection(ObjectNode request) throws AwsServiceException {
        ExpressionContext context = ExpressionContext.of(request);
        Optional<String> expression = Requests.optionalString(request, "ProjectionExpression");
        Optional<List<DocumentPath>> paths = Optional.empty();
        if (expression.isPresent()) {
            paths = Optional.of(ProjectionParser.parse(expression.get(), context));
        }
        context.checkAllUsed();
        return paths;
    }

    private static String returnValues(ObjectNode request, List<String> allowed) throws AwsServiceException {
        Optional<String> value = Requests.optionalString(request, "ReturnValues");
        if (value.isPresent() && !allowed.contains(value.get())) {
            if (allowed == PUT_DELETE_RETURN_VALUES && UPDATE_RETURN_VALUES.contains(value.get())) {
                throw AwsServiceException.validation("ReturnValues can only be ALL_OLD or NONE");
            }
            throw Requests.constraint(value.get(), "returnValues", "Member must satisfy enum value set: " + UPDATE_RETURN_VALUES);
        }
        return value.orElse("NONE");
    }

    private ObjectNode write(ItemWrite.Kind kind, ObjectNode request, String returnValues) throws AwsServiceException {
        ItemWrite write = ItemWrite.parse(kind, request);
        return store.write((tables, changes) -> {
            Table table = Requests.table(tables, write.tableName);
            ItemWrite.Outcome outcome = write.evaluate(table, write.key(table));
            if (outcome.conditionFailed()) {
                throw conditionalCheckFailed(write.returnOldItemOnFailure ? outcome.before() : Optional.empty());
            }
            write.change(outcome).ifPresent(changes::add);
            ObjectNode response = NODES.objectNode();
            attributes(returnValues, outcome, write.updatedPaths())
                    .ifPresent(attributes -> response.set("Attributes", AttributeValueJson.itemToJson(attributes)));
            return response;
        });
    }

    private static Optional<Map<String, AttributeValue>> attributes(String returnValues, ItemWrite.Outcome outcome,
                                                                    List<DocumentPath> updated) {
        Optional<Map<String, AttributeValue>> attributes = switch (returnValues) {
            case "ALL_OLD" -> outcome.before();
            case "ALL_NEW" -> outcome.after();
            case "UPDATED_OLD" -> outcome.before().map(item -> DocumentPaths.project(item, updated));
            case "UPDATED_NEW" -> outcome.after().map(item -> DocumentPaths.project(item, updated));
            default -> Optional.empty();
        };
        return attributes.filter(item -> !item.isEmpty());
    }

    static AwsServiceException conditionalCheckFailed(Optional<Map<String, AttributeValue>> item) {
        ObjectNode extra = null;
        if (item.isPresent()) {
            extra = NODES.objectNode();
            extra.set("Item", AttributeValueJson.itemToJson(item.get()));
        }
        return new AwsServiceException("ConditionalCheckFailedException", "The conditional request failed", 400, extra);
    }
}
