package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading request parameters with DynamoDB's validation messages, and its common errors. */
final class Requests {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 255;

    private Requests() {
    }

    /** The request's {@code TableName}: 3–255 characters of {@code [a-zA-Z0-9_.-]}. */
    static String tableName(JsonNode request) throws AwsServiceException {
        return name(request, "TableName", "tableName");
    }

    static String name(JsonNode request, String field, String member) throws AwsServiceException {
        String name = requiredString(request, field, member);
        if (name.length() < MIN_NAME) {
            throw constraint(name, member, "Member must have length greater than or equal to " + MIN_NAME);
        }
        if (name.length() > MAX_NAME) {
            throw constraint(name, member, "Member must have length less than or equal to " + MAX_NAME);
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw constraint(name, member, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    static String requiredString(JsonNode request, String field, String member) throws AwsServiceException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!node.isString()) {
            throw serialization("Expected a string for " + field);
        }
        return node.stringValue();
    }

    static Optional<String> optionalString(JsonNode request, String field) throws AwsServiceException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw serialization("Expected a string for " + field);
        }
        return Optional.of(node.stringValue());
    }

    static boolean bool(JsonNode request, String field) throws AwsServiceException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw serialization("Expected a boolean for " + field);
        }
        return node.booleanValue();
    }

    static Optional<Integer> optionalInt(JsonNode request, String field) throws AwsServiceException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw serialization("Expected an integer for " + field);
        }
        return Optional.of(node.intValue());
    }

    /** An enum parameter: absent → {@code fallback}; a value outside {@code allowed} is a constraint error. */
    static String enumValue(JsonNode request, String field, String member, String fallback, List<String> allowed)
            throws AwsServiceException {
        Optional<String> value = optionalString(request, field);
        if (value.isEmpty()) {
            return fallback;
        }
        if (!allowed.contains(value.get())) {
            throw constraint(value.get(), member, "Member must satisfy enum value set: " + allowed);
        }
        return value.get();
    }

    static Map<String, AttributeValue> requiredItem(JsonNode request, String field, String member)
            throws AwsServiceException {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return AttributeValueJson.itemFromJson(node);
    }

    /** Legacy (pre-expression) parameters are outside the embedded subset: say so rather than ignore them. */
    static void rejectLegacy(ObjectNode request, String... fields) throws AwsServiceException {
        for (String field : fields) {
            if (request.hasNonNull(field)) {
                throw AwsServiceException.validation("The legacy parameter " + field + " is not supported by the "
                        + "embedded DynamoDB; use the expression parameters (ConditionExpression, UpdateExpression, "
                        + "KeyConditionExpression, FilterExpression, ProjectionExpression) instead");
            }
        }
    }

    static Table table(Store.Tables tables, String name) throws AwsServiceException {
        return tables.table(name).orElseThrow(Requests::resourceNotFound);
    }

    static AwsServiceException resourceNotFound() {
        return new AwsServiceException("ResourceNotFoundException", "Requested resource not found", 400);
    }

    static AwsServiceException constraint(String value, String member, String constraint) {
        return AwsServiceException.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static AwsServiceException serialization(String message) {
        return new AwsServiceException("SerializationException", message, 400);
    }
}
