package dev.airlock.endpoints.dynamodb.table;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ValueOrder;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Items of a table or an index by partition key value, each partition ordered by {@link EntryKey}.
 * Partitions are ordered by key value, which gives Scan a stable order (DynamoDB's is by hash).
 */
public final class SortedItems {

    private final TreeMap<AttributeValue, TreeMap<EntryKey, Map<String, AttributeValue>>> partitions =
            new TreeMap<>(ValueOrder.KEY_ORDER);

    void put(AttributeValue partition, EntryKey key, Map<String, AttributeValue> item) {
        partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(key, item);
    }

    void remove(AttributeValue partition, EntryKey key) {
        TreeMap<EntryKey, Map<String, AttributeValue>> entries = partitions.get(partition);
        if (entries != null) {
            entries.remove(key);
            if (entries.isEmpty()) {
                partitions.remove(partition);
            }
        }
    }

    Map<String, AttributeValue> get(AttributeValue partition, EntryKey key) {
        TreeMap<EntryKey, Map<String, AttributeValue>> entries = partitions.get(partition);
        return entries == null ? null : entries.get(key);
    }

    /** The items of one partition in sort order (empty when there are none); read-only. */
    public NavigableMap<EntryKey, Map<String, AttributeValue>> partition(AttributeValue partition) {
        TreeMap<EntryKey, Map<String, AttributeValue>> entries = partitions.get(partition);
        return entries == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(entries);
    }

    /** All partitions in order; read-only. */
    public NavigableMap<AttributeValue, TreeMap<EntryKey, Map<String, AttributeValue>>> partitions() {
        return Collections.unmodifiableNavigableMap(partitions);
    }
}
