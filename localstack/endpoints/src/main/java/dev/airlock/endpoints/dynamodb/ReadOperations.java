package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.expr.Condition;
import dev.airlock.endpoints.dynamodb.expr.ConditionEvaluator;
import dev.airlock.endpoints.dynamodb.expr.DocumentPath;
import dev.airlock.endpoints.dynamodb.expr.DocumentPaths;
import dev.airlock.endpoints.dynamodb.expr.Operand;
import dev.airlock.endpoints.dynamodb.store.Store;
import dev.airlock.endpoints.dynamodb.table.EntryKey;
import dev.airlock.endpoints.dynamodb.table.IndexDefinition;
import dev.airlock.endpoints.dynamodb.table.KeySchema;
import dev.airlock.endpoints.dynamodb.table.SortedItems;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import dev.airlock.endpoints.dynamodb.value.ItemSize;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Query and Scan, paged exactly as DynamoDB pages: {@code Limit} caps the items <em>evaluated</em>
 * (before the filter), a page also ends after 1 MB of evaluated items, and whenever a page ends
 * early its {@code LastEvaluatedKey} is the key of the last item evaluated — the table key, plus
 * the index key when reading an index — even if no more items follow.
 */
final class ReadOperations {

    /** "A single Query/Scan only returns a result set that fits within the 1 MB size limit." */
    static final int MAX_PAGE_BYTES = 1024 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Store store;

    ReadOperations(Store store) {
        this.store = store;
    }

    ObjectNode query(ObjectNode request) throws AwsServiceException {
        ReadRequest read = ReadRequest.query(request);
        return store.read(tables -> {
            Source source = Source.of(Requests.table(tables, read.tableName()), read);
            KeyCondition key = KeyCondition.of(read.keyCondition().orElseThrow(), source.keys());
            checkFilterAvoidsKeys(read.filter(), source.keys());
            NavigableMap<EntryKey, Map<String, AttributeValue>> entries = source.items().partition(key.partitionValue());
            Optional<Position> start = source.startPosition(read.exclusiveStartKey());
            if (start.isPresent()) {
                if (!start.get().partition().equals(key.partitionValue())
                        || key.sortCondition().map(c -> !ConditionEvaluator.matches(c, start.get().key())).orElse(false)) {
                    throw AwsServiceException.validation(
                            "The provided starting key is outside query boundaries based on provided conditions");
                }
                entries = read.forward() ? entries.tailMap(start.get().entry(), false)
                        : entries.headMap(start.get().entry(), false);
            }
            Iterator<Map<String, AttributeValue>> candidates = (read.forward() ? entries : entries.descendingMap())
                    .values().stream()
                    .filter(item -> key.sortCondition().map(c -> ConditionEvaluator.matches(c, item)).orElse(true))
                    .iterator();
            return page(candidates, source, read);
        });
    }

    ObjectNode scan(ObjectNode request) throws AwsServiceException {
        ReadRequest read = ReadRequest.scan(request);
        return store.read(tables -> {
            Source source = Source.of(Requests.table(tables, read.tableName()), read);
            return page(scanIterator(read, source.startPosition(read.exclusiveStartKey()), source.items()), source, read);
        });
    }

    /** Items of the scanned table or index in scan order, from just after the start position, in this segment. */
    private static Iterator<Map<String, AttributeValue>> scanIterator(ReadRequest read, Optional<Position> start,
                                                                      SortedItems items) {
        NavigableMap<AttributeValue, TreeMap<EntryKey, Map<String, AttributeValue>>> partitions = items.partitions();
        if (start.isPresent()) {
            partitions = partitions.tailMap(start.get().partition(), true);
        }
        return partitions.entrySet().stream()
                .filter(p -> Math.floorMod(p.getKey().hashCode(), read.totalSegments()) == read.segment())
                .flatMap(p -> (start.isPresent() && p.getKey().equals(start.get().partition())
                        ? p.getValue().tailMap(start.get().entry(), false) : p.getValue()).values().stream())
                .iterator();
    }

    private static ObjectNode page(Iterator<Map<String, AttributeValue>> candidates, Source source, ReadRequest read)
            throws AwsServiceException {
        String select = source.select(read);
        ObjectNode response = NODES.objectNode();
        ArrayNode items = NODES.arrayNode();
        int scanned = 0;
        int count = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        while (candidates.hasNext() && !pageFull(read, scanned, bytes)) {
            Map<String, AttributeValue> item = candidates.next();
            Map<String, AttributeValue> visible = source.visible(item);
            scanned++;
            bytes += ItemSize.of(visible);
            last = item;
            if (read.filter().isEmpty() || ConditionEvaluator.matches(read.filter().get(), visible)) {
                count++;
                if (!select.equals("COUNT")) {
                    items.add(AttributeValueJson.itemToJson(read.projection()
                            .map(paths -> DocumentPaths.project(visible, paths)).orElse(visible)));
                }
            }
        }
        // DynamoDB stops when the page is full without looking ahead: a full last page still has a key.
        boolean truncated = last != null && pageFull(read, scanned, bytes);
        if (!select.equals("COUNT")) {
            response.set("Items", items);
        }
        response.put("Count", count).put("ScannedCount", scanned);
        if (truncated && last != null) {
            response.set("LastEvaluatedKey", AttributeValueJson.itemToJson(source.lastEvaluatedKey(last)));
        }
        return response;
    }

    private static boolean pageFull(ReadRequest read, int scanned, long bytes) {
        return (read.limit().isPresent() && scanned >= read.limit().get()) || bytes >= MAX_PAGE_BYTES;
    }

    private static void checkFilterAvoidsKeys(Optional<Condition> filter, KeySchema keys) throws AwsServiceException {
        if (filter.isEmpty()) {
            return;
        }
        List<DocumentPath> paths = new ArrayList<>();
        collectPaths(filter.get(), paths);
        for (DocumentPath path : paths) {
            if (keys.contains(path.attribute())) {
                throw AwsServiceException.validation("Filter Expression can only contain non-primary key attributes: "
                        + "Primary key attribute: " + path.attribute());
            }
        }
    }

    private static void collectPaths(Condition condition, List<DocumentPath> paths) {
        if (condition instanceof Condition.And c) {
            collectPaths(c.left(), paths);
            collectPaths(c.right(), paths);
        } else if (condition instanceof Condition.Or c) {
            collectPaths(c.left(), paths);
            collectPaths(c.right(), paths);
        } else if (condition instanceof Condition.Not c) {
            collectPaths(c.condition(), paths);
        } else if (condition instanceof Condition.Compare c) {
            List.of(c.left(), c.right()).forEach(o -> operandPath(o, paths));
        } else if (condition instanceof Condition.Between c) {
            List.of(c.value(), c.lower(), c.upper()).forEach(o -> operandPath(o, paths));
        } else if (condition instanceof Condition.In c) {
            operandPath(c.value(), paths);
            c.candidates().forEach(o -> operandPath(o, paths));
        } else if (condition instanceof Condition.AttributeExists c) {
            paths.add(c.path());
        } else if (condition instanceof Condition.AttributeNotExists c) {
            paths.add(c.path());
        } else if (condition instanceof Condition.AttributeType c) {
            paths.add(c.path());
        } else if (condition instanceof Condition.BeginsWith c) {
            paths.add(c.path());
        } else if (condition instanceof Condition.Contains c) {
            paths.add(c.path());
            operandPath(c.operand(), paths);
        }
    }

    private static void operandPath(Operand operand, List<DocumentPath> paths) {
        if (operand instanceof Operand.Path p) {
            paths.add(p.path());
        } else if (operand instanceof Operand.Size s) {
            paths.add(s.path());
        }
    }

    /** Where a page starts: the partition and the in-partition position of the ExclusiveStartKey. */
    record Position(AttributeValue partition, EntryKey entry, Map<String, AttributeValue> key) {
    }

    /** The table or the index a request reads, and how its items look there. */
    record Source(Table table, Optional<IndexDefinition> index) {

        static Source of(Table table, ReadRequest read) throws AwsServiceException {
            Optional<IndexDefinition> index = Optional.empty();
            if (read.indexName().isPresent()) {
                index = Optional.of(table.definition().index(read.indexName().get()).orElseThrow(() ->
                        AwsServiceException.validation("The table does not have the specified index: "
                                + read.indexName().get())));
                if (read.consistentRead()) {
                    throw AwsServiceException.validation("Consistent reads are not supported on global secondary indexes");
                }
            }
            return new Source(table, index);
        }

        KeySchema keys() {
            return index.map(IndexDefinition::keySchema).orElse(table.definition().keySchema());
        }

        SortedItems items() {
            return index.map(i -> table.index(i.name())).orElse(table.base());
        }

        Map<String, AttributeValue> visible(Map<String, AttributeValue> item) {
            return index.map(i -> i.project(item, table.definition().keySchema())).orElse(item);
        }

        List<String> keyAttributes() {
            List<String> names = new ArrayList<>(table.definition().keySchema().attributeNames());
            index.ifPresent(i -> i.keySchema().attributeNames().stream().filter(n -> !names.contains(n)).forEach(names::add));
            return names;
        }

        Map<String, AttributeValue> lastEvaluatedKey(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            keyAttributes().forEach(name -> key.put(name, item.get(name)));
            return key;
        }

        Optional<Position> startPosition(Optional<Map<String, AttributeValue>> start) throws AwsServiceException {
            if (start.isEmpty()) {
                return Optional.empty();
            }
            Map<String, AttributeValue> key = start.get();
            List<String> expected = keyAttributes();
            boolean matches = key.size() == expected.size() && key.keySet().containsAll(expected);
            for (String name : expected) {
                String type = table.definition().attributeDefinitions().get(name);
                matches = matches && key.get(name) != null && key.get(name).type().equals(type);
            }
            if (!matches) {
                throw AwsServiceException.validation(
                        "The provided starting key is invalid: The provided key element does not match the schema");
            }
            EntryKey entry = index.isPresent() ? table.indexEntryKey(index.get(), key) : table.tableEntryKey(key);
            return Optional.of(new Position(key.get(keys().hashName()), entry, key));
        }

        String select(ReadRequest read) throws AwsServiceException {
            String invalid = "One or more parameter values were invalid: ";
            String select = read.select().orElse(read.projection().isPresent() ? "SPECIFIC_ATTRIBUTES"
                    : index.isPresent() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES");
            if (read.projection().isPresent() && !select.equals("SPECIFIC_ATTRIBUTES")) {
                throw AwsServiceException.validation(invalid + "Select type " + select
                        + " cannot be combined with a ProjectionExpression; use SPECIFIC_ATTRIBUTES");
            }
            if (select.equals("SPECIFIC_ATTRIBUTES") && read.projection().isEmpty()) {
                throw AwsServiceException.validation(invalid + "Select type SPECIFIC_ATTRIBUTES needs a ProjectionExpression");
            }
            if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index.isEmpty()) {
                throw AwsServiceException.validation(invalid + "Select type ALL_PROJECTED_ATTRIBUTES is only valid when "
                        + "reading an index");
            }
            if (select.equals("ALL_ATTRIBUTES") && index.isPresent() && !index.get().projectionType().equals("ALL")) {
                throw AwsServiceException.validation(invalid + "Select type ALL_ATTRIBUTES is not supported for global "
                        + "secondary index " + index.get().name() + " because its projection type is not ALL");
            }
            return select;
        }
    }
}
