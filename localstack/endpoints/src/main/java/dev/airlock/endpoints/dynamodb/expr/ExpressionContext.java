package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared by
 * all its expressions, remembering which were used: DynamoDB refuses a request that defines a
 * placeholder no expression uses, or uses one it does not define.
 */
public final class ExpressionContext {

    /** "The maximum length of any expression string is 4 KB" (DynamoDB quotas, Expression parameters). */
    public static final int MAX_EXPRESSION_BYTES = 4 * 1024;
    /** "The maximum length of an attribute name placeholder or value placeholder is 255 characters". */
    static final int MAX_PLACEHOLDER_LENGTH = 255;
    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final boolean namesGiven;
    private final boolean valuesGiven;
    private final Set<String> usedNames = new LinkedHashSet<>();
    private final Set<String> usedValues = new LinkedHashSet<>();
    private int expressions;

    private ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values,
                              boolean namesGiven, boolean valuesGiven) {
        this.names = names;
        this.values = values;
        this.namesGiven = namesGiven;
        this.valuesGiven = valuesGiven;
    }

    /** Reads the placeholders of {@code request}, checking their keys as DynamoDB does. */
    public static ExpressionContext of(ObjectNode request) throws AwsServiceException {
        JsonNode namesNode = request.get("ExpressionAttributeNames");
        JsonNode valuesNode = request.get("ExpressionAttributeValues");
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        if (namesNode != null && !namesNode.isNull()) {
            if (namesNode.isEmpty()) {
                throw AwsServiceException.validation("ExpressionAttributeNames must not be empty");
            }
            for (Map.Entry<String, JsonNode> entry : namesNode.properties()) {
                checkKey(entry.getKey(), NAME_KEY, "ExpressionAttributeNames");
                names.put(entry.getKey(), entry.getValue().asString());
            }
        }
        if (valuesNode != null && !valuesNode.isNull()) {
            if (valuesNode.isEmpty()) {
                throw AwsServiceException.validation("ExpressionAttributeValues must not be empty");
            }
            for (Map.Entry<String, JsonNode> entry : valuesNode.properties()) {
                checkKey(entry.getKey(), VALUE_KEY, "ExpressionAttributeValues");
                values.put(entry.getKey(), AttributeValueJson.fromJson(entry.getValue()));
            }
        }
        return new ExpressionContext(names, values, !names.isEmpty(), !values.isEmpty());
    }

    /** A context without placeholders, for expressions built in code (tests, internal use). */
    public static ExpressionContext of(Map<String, String> names, Map<String, AttributeValue> values) {
        return new ExpressionContext(new LinkedHashMap<>(names), new LinkedHashMap<>(values),
                !names.isEmpty(), !values.isEmpty());
    }

    private static void checkKey(String key, Pattern pattern, String parameter) throws AwsServiceException {
        if (key.length() > MAX_PLACEHOLDER_LENGTH) {
            throw AwsServiceException.validation(parameter + " contains invalid key: The expression attribute map "
                    + "contains a key that is too long; size of key: " + key.length());
        }
        if (!pattern.matcher(key).matches()) {
            throw AwsServiceException.validation(parameter + " contains invalid key: Syntax error; key: \"" + key + "\"");
        }
    }

    /** Checks an expression string before it is parsed: not empty, at most 4 KB. */
    void checkExpression(String expression, String label) throws AwsServiceException {
        expressions++;
        if (expression.isBlank()) {
            throw AwsServiceException.validation("Invalid " + label + ": The expression can not be empty;");
        }
        int bytes = expression.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EXPRESSION_BYTES) {
            throw AwsServiceException.validation("Invalid " + label
                    + ": Expression size has exceeded the maximum allowed size; expression size: " + bytes);
        }
    }

    String name(String placeholder, String label) throws AwsServiceException {
        String name = names.get(placeholder);
        if (name == null) {
            throw AwsServiceException.validation("Invalid " + label + ": An expression attribute name used in the "
                    + "document path is not defined; attribute name: " + placeholder);
        }
        usedNames.add(placeholder);
        return name;
    }

    AttributeValue value(String placeholder, String label) throws AwsServiceException {
        AttributeValue value = values.get(placeholder);
        if (value == null) {
            throw AwsServiceException.validation("Invalid " + label + ": An expression attribute value used in "
                    + "expression is not defined; attribute value: " + placeholder);
        }
        usedValues.add(placeholder);
        return value;
    }

    /**
     * After every expression of the request is parsed: placeholders defined but unused, or defined
     * without any expression, are errors.
     */
    public void checkAllUsed() throws AwsServiceException {
        if (expressions == 0) {
            if (namesGiven) {
                throw AwsServiceException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (valuesGiven) {
                throw AwsServiceException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw AwsServiceException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw AwsServiceException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }
}
