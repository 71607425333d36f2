package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.expr.DocumentPath;
import dev.airlock.endpoints.dynamodb.expr.DocumentPaths;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A write transaction runs under the store's exclusive
 * lock: every condition is evaluated against the same state, and either all its changes are
 * committed (as one journal record) or none, with {@code CancellationReasons} in request order.
 */
final class TransactionOperations {

    /** "TransactWriteItems/TransactGetItems: up to 100 actions" (DynamoDB quotas). */
    static final int MAX_ITEMS = 100;
    /** A ClientRequestToken is valid for 10 minutes (TransactWriteItems API reference). */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, ItemWrite.Kind> ACTIONS = Map.of("Put", ItemWrite.Kind.PUT,
            "Update", ItemWrite.Kind.UPDATE, "Delete", ItemWrite.Kind.DELETE, "ConditionCheck", ItemWrite.Kind.CONDITION_CHECK);

    private final Store store;
    private final Clock clock;
    /** Guarded by the store's write lock. */
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String request, Instant expires) {
    }

    TransactionOperations(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ObjectNode transactWriteItems(ObjectNode request) throws AwsServiceException {
        List<ItemWrite> writes = new ArrayList<>();
        for (JsonNode element : items(request)) {
            writes.add(parseAction(element));
        }
        Optional<String> token = Requests.optionalString(request, "ClientRequestToken");
        String fingerprint = request.toString();
        return store.write((tables, changes) -> {
            if (token.isPresent() && alreadyApplied(token.get(), fingerprint)) {
                return NODES.objectNode();
            }
            List<Table> targets = new ArrayList<>();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (ItemWrite write : writes) {
                Table table = Requests.table(tables, write.tableName);
                targets.add(table);
                keys.add(write.key(table));
            }
            checkDistinct(writes.stream().map(w -> w.tableName).toList(), keys);
            List<ObjectNode> reasons = new ArrayList<>();
            boolean cancelled = false;
            for (int i = 0; i < writes.size(); i++) {
                ObjectNode reason = NODES.objectNode().put("Code", "None");
                try {
                    ItemWrite.Outcome outcome = writes.get(i).evaluate(targets.get(i), keys.get(i));
                    if (outcome.conditionFailed()) {
                        reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                        if (writes.get(i).returnOldItemOnFailure && outcome.before().isPresent()) {
                            reason.set("Item", AttributeValueJson.itemToJson(outcome.before().get()));
                        }
                    } else {
                        writes.get(i).change(outcome).ifPresent(changes::add);
                    }
                } catch (AwsServiceException e) {
                    reason.put("Code", "ValidationError").put("Message", e.getMessage());
                }
                cancelled |= !reason.path("Code").asString().equals("None");
                reasons.add(reason);
            }
            if (cancelled) {
                changes.clear();
                throw cancelled(reasons);
            }
            token.ifPresent(t -> tokens.put(t, new Token(fingerprint, clock.instant().plus(TOKEN_LIFETIME))));
            return NODES.objectNode();
        });
    }

    ObjectNode transactGetItems(ObjectNode request) throws AwsServiceException {
        List<String> tableNames = new ArrayList<>();
        List<Map<String, AttributeValue>> rawKeys = new ArrayList<>();
        List<Optional<List<DocumentPath>>> projections = new ArrayList<>();
        for (JsonNode element : items(request)) {
            JsonNode get = element.get("Get");
            if (get == null || !get.isObject() || element.size() != 1) {
                throw AwsServiceException.validation("TransactItems of TransactGetItems can only contain Get");
            }
            tableNames.add(Requests.tableName(get));
            rawKeys.add(Requests.requiredItem(get, "Key", "transactItems.member.get.key"));
            projections.add(ItemOperations.projection((ObjectNode) get));
        }
        return store.read(tables -> {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            List<Table> targets = new ArrayList<>();
            for (int i = 0; i < tableNames.size(); i++) {
                Table table = Requests.table(tables, tableNames.get(i));
                targets.add(table);
                keys.add(table.definition().keySchema().checkKey(rawKeys.get(i)));
            }
            checkDistinct(tableNames, keys);
            ObjectNode response = NODES.objectNode();
            ArrayNode responses = response.putArray("Responses");
            for (int i = 0; i < keys.size(); i++) {
                ObjectNode entry = responses.addObject();
                Optional<List<DocumentPath>> projection = projections.get(i);
                targets.get(i).get(keys.get(i)).ifPresent(item -> entry.set("Item", AttributeValueJson.itemToJson(
                        projection.map(paths -> DocumentPaths.project(item, paths)).orElse(item))));
            }
            return response;
        });
    }

    private static JsonNode items(ObjectNode request) throws AwsServiceException {
        JsonNode list = request.get("TransactItems");
        if (list == null || list.isNull()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'transactItems' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        if (!list.isArray()) {
            throw Requests.serialization("Expected a list for TransactItems");
        }
        if (list.isEmpty() || list.size() > MAX_ITEMS) {
            throw Requests.constraint(list.toString(), "transactItems", list.isEmpty()
                    ? "Member must have length greater than or equal to 1"
                    : "Member must have length less than or equal to " + MAX_ITEMS);
        }
        return list;
    }

    private static ItemWrite parseAction(JsonNode element) throws AwsServiceException {
        if (!element.isObject() || element.size() != 1 || !ACTIONS.containsKey(element.propertyNames().iterator().next())) {
            throw AwsServiceException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        String action = element.propertyNames().iterator().next();
        JsonNode body = element.get(action);
        if (!(body instanceof ObjectNode object)) {
            throw Requests.serialization("Expected a structure for " + action);
        }
        if (object.hasNonNull("ReturnValues")) {
            throw AwsServiceException.validation("ReturnValues is not part of a transaction action; use "
                    + "ReturnValuesOnConditionCheckFailure");
        }
        return ItemWrite.parse(ACTIONS.get(action), object);
    }

    private static void checkDistinct(List<String> tableNames, List<Map<String, AttributeValue>> keys)
            throws AwsServiceException {
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(List.of(tableNames.get(i), keys.get(i)))) {
                throw AwsServiceException.validation("Transaction request cannot include multiple operations on one item");
            }
        }
    }

    private boolean alreadyApplied(String token, String fingerprint) throws AwsServiceException {
        Instant now = clock.instant();
        tokens.values().removeIf(t -> t.expires().isBefore(now));
        Token previous = tokens.get(token);
        if (previous == null) {
            return false;
        }
        if (!previous.request().equals(fingerprint)) {
            throw new AwsServiceException("IdempotentParameterMismatchException",
                    "The request uses the same client token as a previous, but non-identical request.", 400);
        }
        return true;
    }

    private static AwsServiceException cancelled(List<ObjectNode> reasons) {
        ObjectNode extra = NODES.objectNode();
        ArrayNode list = extra.putArray("CancellationReasons");
        reasons.forEach(list::add);
        List<String> codes = reasons.stream().map(r -> r.path("Code").asString()).toList();
        return new AwsServiceException("TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, 400, extra);
    }
}
