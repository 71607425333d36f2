package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document path such as {@code a.b[0].c}: a top-level attribute name followed by map keys
 * ({@link String}) and list indexes ({@link Integer}), with every {@code #name} already resolved.
 */
public record DocumentPath(List<Object> elements) {

    public DocumentPath {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
            throw new IllegalArgumentException("a document path starts with an attribute name: " + elements);
        }
    }

    public static DocumentPath of(String attribute) {
        return new DocumentPath(List.of(attribute));
    }

    /** The top-level attribute this path starts at. */
    public String attribute() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    public int size() {
        return elements.size();
    }

    public Object element(int index) {
        return elements.get(index);
    }

    /** The value at this path in {@code item}, if every step exists and has the right type. */
    public Optional<AttributeValue> resolve(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(attribute());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return Optional.ofNullable(current);
    }

    static AttributeValue step(AttributeValue current, Object element) {
        if (element instanceof String key && current instanceof AttributeValue.M map) {
            return map.value().get(key);
        }
        if (element instanceof Integer index && current instanceof AttributeValue.L list) {
            return index < list.value().size() ? list.value().get(index) : null;
        }
        return null;
    }

    /** Whether one path is a prefix of (or equal to) the other: DynamoDB's "overlap". */
    public boolean overlaps(DocumentPath other) {
        int common = Math.min(size(), other.size());
        return elements.subList(0, common).equals(other.elements.subList(0, common));
    }

    /** DynamoDB's rendering in error messages, e.g. {@code [a, b, [0]]}. */
    public String describe() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            Object element = elements.get(i);
            text.append(element instanceof Integer ? "[" + element + "]" : element);
        }
        return text.append(']').toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(attribute());
        for (int i = 1; i < elements.size(); i++) {
            Object element = elements.get(i);
            text.append(element instanceof Integer ? "[" + element + "]" : "." + element);
        }
        return text.toString();
    }
}
