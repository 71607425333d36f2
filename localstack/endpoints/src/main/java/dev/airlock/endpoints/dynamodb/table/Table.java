package dev.airlock.endpoints.dynamodb.table;

import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ItemSize;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The items of one table and of its global secondary indexes, kept in step on every write
 * (synchronously: this is stricter than DynamoDB, whose indexes are eventually consistent).
 * Not thread-safe: the store serialises writers and excludes readers while one writes.
 */
public final class Table {

    private TableDefinition definition;
    private final SortedItems base = new SortedItems();
    private final Map<String, SortedItems> indexes = new LinkedHashMap<>();
    private long itemCount;
    private long sizeBytes;
    private final StreamLog stream = new StreamLog();

    public Table(TableDefinition definition) {
        this.definition = definition;
        definition.indexes().forEach(index -> indexes.put(index.name(), new SortedItems()));
    }

    public TableDefinition definition() {
        return definition;
    }

    /**
     * Replaces the definition; only attributes that do not affect stored items (TTL, stream) may
     * change. A new stream label starts a new, empty stream.
     */
    public void redefine(TableDefinition changed) {
        String oldLabel = definition.stream().map(StreamSettings::label).orElse("");
        String newLabel = changed.stream().map(StreamSettings::label).orElse("");
        if (!oldLabel.equals(newLabel)) {
            stream.clear();
        }
        this.definition = changed;
    }

    /** The records of the table's latest stream. */
    public StreamLog stream() {
        return stream;
    }

    public long itemCount() {
        return itemCount;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** The item with {@code key} (a checked key: exactly the key attributes). */
    public Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        KeySchema schema = definition.keySchema();
        return Optional.ofNullable(base.get(key.get(schema.hashName()), tableEntryKey(key)));
    }

    public SortedItems base() {
        return base;
    }

    public SortedItems index(String indexName) {
        return indexes.get(indexName);
    }

    /** Every item, in scan order. */
    public List<Map<String, AttributeValue>> allItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        base.partitions().values().forEach(partition -> items.addAll(partition.values()));
        return items;
    }

    /** Stores {@code item} (a checked item), replacing the item with the same key. */
    public void put(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = Collections.unmodifiableMap(new LinkedHashMap<>(item));
        delete(stored);
        KeySchema schema = definition.keySchema();
        base.put(stored.get(schema.hashName()), tableEntryKey(stored), stored);
        for (IndexDefinition index : definition.indexes()) {
            if (index.indexes(stored)) {
                indexes.get(index.name()).put(stored.get(index.keySchema().hashName()), indexEntryKey(index, stored), stored);
            }
        }
        itemCount++;
        sizeBytes += ItemSize.of(stored);
    }

    /** Removes the item whose key attributes {@code keyOrItem} carries, if any. */
    public void delete(Map<String, AttributeValue> keyOrItem) {
        KeySchema schema = definition.keySchema();
        AttributeValue partition = keyOrItem.get(schema.hashName());
        Map<String, AttributeValue> old = base.get(partition, tableEntryKey(keyOrItem));
        if (old == null) {
            return;
        }
        base.remove(partition, tableEntryKey(old));
        for (IndexDefinition index : definition.indexes()) {
            if (index.indexes(old)) {
                indexes.get(index.name()).remove(old.get(index.keySchema().hashName()), indexEntryKey(index, old));
            }
        }
        itemCount--;
        sizeBytes -= ItemSize.of(old);
    }

    /** The position of an item (or key) in its table partition: its sort key, if the table has one. */
    public EntryKey tableEntryKey(Map<String, AttributeValue> keyOrItem) {
        List<AttributeValue> parts = new ArrayList<>();
        definition.keySchema().rangeName().ifPresent(range -> parts.add(keyOrItem.get(range)));
        return new EntryKey(parts);
    }

    /** The position of an item in an index partition: index sort key (if any), then the table key. */
    public EntryKey indexEntryKey(IndexDefinition index, Map<String, AttributeValue> item) {
        List<AttributeValue> parts = new ArrayList<>();
        index.keySchema().rangeName().ifPresent(range -> parts.add(item.get(range)));
        parts.add(item.get(definition.keySchema().hashName()));
        definition.keySchema().rangeName().ifPresent(range -> parts.add(item.get(range)));
        return new EntryKey(parts);
    }
}
