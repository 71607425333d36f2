package dev.airlock.endpoints.dynamodb.value;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** DynamoDB's JSON wire format of attribute values ({@code {"S": "x"}}, {@code {"N": "1"}}, ...), both ways. */
public final class AttributeValueJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INVALID = "One or more parameter values were invalid: ";

    private AttributeValueJson() {
    }

    /** Reads an item (attribute name → value); a missing or null node is an empty item. */
    public static Map<String, AttributeValue> itemFromJson(JsonNode node) throws AwsServiceException {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return item;
        }
        if (!node.isObject()) {
            throw serialization("Expected a map of attribute values");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            item.put(entry.getKey(), fromJson(entry.getValue()));
        }
        return item;
    }

    public static ObjectNode itemToJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    public static AttributeValue fromJson(JsonNode node) throws AwsServiceException {
        if (node == null || !node.isObject()) {
            throw serialization("Expected an AttributeValue object");
        }
        if (node.isEmpty()) {
            throw AwsServiceException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (node.size() > 1) {
            throw AwsServiceException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> entry = node.properties().iterator().next();
        JsonNode v = entry.getValue();
        return switch (entry.getKey()) {
            case "S" -> new AttributeValue.S(text(v));
            case "N" -> new AttributeValue.N(Numbers.parse(text(v)));
            case "B" -> new AttributeValue.B(bytes(v));
            case "BOOL" -> new AttributeValue.Bool(bool(v));
            case "NULL" -> nullValue(v);
            case "M" -> new AttributeValue.M(itemFromJson(object(v)));
            case "L" -> new AttributeValue.L(list(v));
            case "SS" -> new AttributeValue.SS(stringSet(v));
            case "NS" -> new AttributeValue.NS(numberSet(v));
            case "BS" -> new AttributeValue.BS(binarySet(v));
            default -> throw serialization("Unknown AttributeValue type: " + entry.getKey());
        };
    }

    public static ObjectNode toJson(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        if (value instanceof AttributeValue.S s) {
            node.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            node.put("N", n.text());
        } else if (value instanceof AttributeValue.B b) {
            node.put("B", b.value().toBase64());
        } else if (value instanceof AttributeValue.Bool b) {
            node.put("BOOL", b.value());
        } else if (value instanceof AttributeValue.Null) {
            node.put("NULL", true);
        } else if (value instanceof AttributeValue.M m) {
            node.set("M", itemToJson(m.value()));
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode array = node.putArray("L");
            l.value().forEach(element -> array.add(toJson(element)));
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode array = node.putArray("SS");
            ss.value().forEach(array::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode array = node.putArray("NS");
            ns.value().forEach(n -> array.add(n.toPlainString()));
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = node.putArray("BS");
            bs.value().forEach(b -> array.add(b.toBase64()));
        }
        return node;
    }

    private static String text(JsonNode v) throws AwsServiceException {
        if (!v.isString()) {
            throw serialization("Expected a string value");
        }
        return v.stringValue();
    }

    private static boolean bool(JsonNode v) throws AwsServiceException {
        if (!v.isBoolean()) {
            throw serialization("Expected a boolean value");
        }
        return v.booleanValue();
    }

    private static Bytes bytes(JsonNode v) throws AwsServiceException {
        try {
            return Bytes.fromBase64(text(v));
        } catch (IllegalArgumentException e) {
            throw serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + text(v).length());
        }
    }

    private static AttributeValue nullValue(JsonNode v) throws AwsServiceException {
        if (!bool(v)) {
            throw AwsServiceException.validation(INVALID + "Null attribute value types must have the value of true");
        }
        return new AttributeValue.Null();
    }

    private static JsonNode object(JsonNode v) throws AwsServiceException {
        if (!v.isObject()) {
            throw serialization("Expected a map value");
        }
        return v;
    }

    private static JsonNode array(JsonNode v) throws AwsServiceException {
        if (!v.isArray()) {
            throw serialization("Expected a list value");
        }
        return v;
    }

    private static List<AttributeValue> list(JsonNode v) throws AwsServiceException {
        List<AttributeValue> values = new ArrayList<>();
        for (JsonNode element : array(v)) {
            values.add(fromJson(element));
        }
        return values;
    }

    private static Set<String> stringSet(JsonNode v) throws AwsServiceException {
        List<String> members = new ArrayList<>();
        for (JsonNode element : array(v)) {
            members.add(text(element));
        }
        return distinct(members, "An string set  may not be empty");
    }

    private static Set<BigDecimal> numberSet(JsonNode v) throws AwsServiceException {
        List<BigDecimal> members = new ArrayList<>();
        for (JsonNode element : array(v)) {
            members.add(Numbers.parse(text(element)));
        }
        return distinct(members, "An number set  may not be empty");
    }

    private static Set<Bytes> binarySet(JsonNode v) throws AwsServiceException {
        List<Bytes> members = new ArrayList<>();
        for (JsonNode element : array(v)) {
            members.add(bytes(element));
        }
        return distinct(members, "Binary sets should not be empty");
    }

    private static <T> Set<T> distinct(List<T> members, String emptyMessage) throws AwsServiceException {
        if (members.isEmpty()) {
            throw AwsServiceException.validation(INVALID + emptyMessage);
        }
        Set<T> set = new LinkedHashSet<>(members);
        if (set.size() != members.size()) {
            throw AwsServiceException.validation(INVALID + "Input collection " + members + " contains duplicates.");
        }
        return set;
    }

    private static AwsServiceException serialization(String message) {
        return new AwsServiceException("SerializationException", message, 400);
    }
}
