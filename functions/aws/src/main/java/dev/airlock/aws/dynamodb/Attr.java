package dev.airlock.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small typed accessors over DynamoDB attribute values; a missing or mistyped attribute is a {@link MalformedItemException}. */
final class Attr {

    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    static AttributeValue l(List<AttributeValue> values) {
        return AttributeValue.builder().l(values).build();
    }

    static AttributeValue m(Map<String, AttributeValue> values) {
        return AttributeValue.builder().m(values).build();
    }

    static String str(Map<String, AttributeValue> item, String name) {
        return optStr(item, name).orElseThrow(() -> missing(name, "S"));
    }

    static Optional<String> optStr(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.s() == null) {
            throw new MalformedItemException("attribute '" + name + "' is not a string");
        }
        return Optional.of(value.s());
    }

    static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw missing(name, "N");
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new MalformedItemException("attribute '" + name + "' is not a whole number", e);
        }
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return parseInstant(str(item, name), name);
    }

    static Optional<Instant> optInstant(Map<String, AttributeValue> item, String name) {
        return optStr(item, name).map(text -> parseInstant(text, name));
    }

    static List<AttributeValue> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            throw missing(name, "L");
        }
        return value.l();
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasM()) {
            throw missing(name, "M");
        }
        return value.m();
    }

    /** A list element that must be a string. */
    static String element(AttributeValue value, String name) {
        if (value == null || value.s() == null) {
            throw new MalformedItemException("attribute '" + name + "' holds a non-string element");
        }
        return value.s();
    }

    /** A list element that must be a map. */
    static Map<String, AttributeValue> mapElement(AttributeValue value, String name) {
        if (value == null || !value.hasM()) {
            throw new MalformedItemException("attribute '" + name + "' holds a non-map element");
        }
        return value.m();
    }

    private static Instant parseInstant(String text, String name) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedItemException("attribute '" + name + "' is not an ISO-8601 instant", e);
        }
    }

    private static MalformedItemException missing(String name, String type) {
        return new MalformedItemException("attribute '" + name + "' (" + type + ") is missing");
    }
}
