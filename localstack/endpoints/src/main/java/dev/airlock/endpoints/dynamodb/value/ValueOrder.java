package dev.airlock.endpoints.dynamodb.value;

import java.util.Comparator;
import java.util.Optional;

/**
 * Ordering and equality of attribute values as DynamoDB applies them: numbers as decimals, strings
 * by their UTF-8 bytes (code point order), binaries as unsigned bytes. Only S, N and B are
 * ordered; values of different types are never equal and never ordered.
 */
public final class ValueOrder {

    /** A total order over key values (S, N, B): first by type, then by value; used to sort keys. */
    public static final Comparator<AttributeValue> KEY_ORDER = ValueOrder::compareKeys;

    private ValueOrder() {
    }

    /** Compares two scalar values of the same ordered type; empty when they cannot be ordered. */
    public static Optional<Integer> compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return Optional.of(x.value().compareTo(y.value()));
        }
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return Optional.of(compareStrings(x.value(), y.value()));
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return Optional.of(x.value().compareTo(y.value()));
        }
        return Optional.empty();
    }

    /** Code point order, which is the order of the strings' UTF-8 bytes. */
    public static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int compareKeys(AttributeValue a, AttributeValue b) {
        if (!a.type().equals(b.type())) {
            return a.type().compareTo(b.type());
        }
        return compare(a, b).orElseThrow(() -> new IllegalArgumentException("not a key type: " + a.type()));
    }
}
