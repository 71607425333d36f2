package dev.airlock.endpoints.dynamodb.table;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ValueOrder;

import java.util.List;

/**
 * The position of an item inside one partition of a table or index: for a table its sort key (if
 * any); for an index the index sort key (if any) followed by the table key, so that items with
 * equal index keys still have a stable order. Compared part by part.
 */
public record EntryKey(List<AttributeValue> parts) implements Comparable<EntryKey> {

    public EntryKey {
        parts = List.copyOf(parts);
    }

    @Override
    public int compareTo(EntryKey other) {
        for (int i = 0; i < Math.min(parts.size(), other.parts.size()); i++) {
            int c = ValueOrder.KEY_ORDER.compare(parts.get(i), other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }
}
