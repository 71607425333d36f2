package dev.airlock.endpoints.dynamodb.store;

import dev.airlock.endpoints.dynamodb.table.StreamRecord;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.table.TableDefinition;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.Map;

/**
 * One change to the store. An operation produces a list of changes that the store journals as one
 * record and then applies, so a transaction is on disk entirely or not at all. Changes carry
 * after-images (whole items), never deltas.
 */
public sealed interface Change {

    void applyTo(Map<String, Table> tables);

    record CreateTable(TableDefinition definition) implements Change {
        public void applyTo(Map<String, Table> tables) {
            tables.put(definition.name(), new Table(definition));
        }
    }

    record DeleteTable(String name) implements Change {
        public void applyTo(Map<String, Table> tables) {
            tables.remove(name);
        }
    }

    /** A new definition that does not change how items are stored (TTL, stream settings). */
    record Redefine(TableDefinition definition) implements Change {
        public void applyTo(Map<String, Table> tables) {
            tables.get(definition.name()).redefine(definition);
        }
    }

    record PutItem(String table, Map<String, AttributeValue> item) implements Change {
        public void applyTo(Map<String, Table> tables) {
            tables.get(table).put(item);
        }
    }

    record DeleteItem(String table, Map<String, AttributeValue> key) implements Change {
        public void applyTo(Map<String, Table> tables) {
            tables.get(table).delete(key);
        }
    }

    /** A record appended to a table's stream; journaled, so a replay restores it exactly. */
    record AppendStreamRecord(String table, StreamRecord record) implements Change {
        public void applyTo(Map<String, Table> tables) {
            tables.get(table).stream().append(record);
        }
    }
}
