package dev.airlock.aws.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * DynamoDB's attribute-value JSON, as a stream record's {@code Keys}, {@code NewImage} and
 * {@code OldImage} carry it ({@code {"S": "…"}}, {@code {"N": "…"}}, {@code {"M": {…}}}, …; DynamoDB API
 * reference, AttributeValue), read into the SDK's {@link AttributeValue}s.
 */
public final class AttributeValueJson {

    private AttributeValueJson() {
    }

    /** An item: attribute name → typed value. @throws IllegalArgumentException when it is not one */
    public static Map<String, AttributeValue> item(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("an item is a JSON object");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Entry<String, JsonNode> attribute : json.properties()) {
            item.put(attribute.getKey(), value(attribute.getValue()));
        }
        return item;
    }

    /** One typed value: an object with exactly one type descriptor. */
    public static AttributeValue value(JsonNode json) {
        if (!json.isObject() || json.size() != 1) {
            throw new IllegalArgumentException("an attribute value is an object with one type descriptor");
        }
        Entry<String, JsonNode> typed = json.properties().iterator().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(text(v));
            case "N" -> AttributeValue.fromN(text(v));
            case "B" -> AttributeValue.fromB(bytes(v));
            case "BOOL" -> AttributeValue.fromBool(v.booleanValue());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(item(v));
            case "L" -> AttributeValue.fromL(list(v).stream().map(AttributeValueJson::value).toList());
            case "SS" -> AttributeValue.fromSs(list(v).stream().map(AttributeValueJson::text).toList());
            case "NS" -> AttributeValue.fromNs(list(v).stream().map(AttributeValueJson::text).toList());
            case "BS" -> AttributeValue.fromBs(list(v).stream().map(AttributeValueJson::bytes).toList());
            default -> throw new IllegalArgumentException("unknown attribute type " + typed.getKey());
        };
    }

    /** {@code item} as attribute-value JSON, the inverse of {@link #item(JsonNode)}. */
    public static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        item.forEach((name, value) -> out.set(name, json(value)));
        return out;
    }

    /** One value as attribute-value JSON. */
    public static ObjectNode json(AttributeValue value) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (value.type()) {
            case S -> out.put("S", value.s());
            case N -> out.put("N", value.n());
            case B -> out.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case BOOL -> out.put("BOOL", value.bool());
            case NUL -> out.put("NULL", true);
            case M -> out.set("M", json(value.m()));
            case L -> out.set("L", array(value.l().stream().map(AttributeValueJson::json).toList()));
            case SS -> out.set("SS", strings(value.ss()));
            case NS -> out.set("NS", strings(value.ns()));
            case BS -> out.set("BS", strings(value.bs().stream()
                    .map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList()));
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return out;
    }

    private static ArrayNode array(List<? extends JsonNode> values) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        values.forEach(out::add);
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        values.forEach(out::add);
        return out;
    }

    private static String text(JsonNode json) {
        if (!json.isString()) {
            throw new IllegalArgumentException("expected a string");
        }
        return json.stringValue();
    }

    private static SdkBytes bytes(JsonNode json) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(text(json)));
    }

    private static List<JsonNode> list(JsonNode json) {
        if (!json.isArray()) {
            throw new IllegalArgumentException("expected an array");
        }
        List<JsonNode> out = new ArrayList<>();
        json.forEach(out::add);
        return out;
    }
}
