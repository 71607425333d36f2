package dev.airlock.endpoints.dynamodb.expr;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writing at, removing at and projecting onto document paths of immutable attribute values. */
public final class DocumentPaths {

    private DocumentPaths() {
    }

    /**
     * Sets {@code path} in {@code item} (changed in place). Every step but the last must exist;
     * an index past the end of a list appends, as in DynamoDB.
     */
    static void put(Map<String, AttributeValue> item, DocumentPath path, AttributeValue value)
            throws AwsServiceException {
        if (path.isTopLevel()) {
            item.put(path.attribute(), value);
            return;
        }
        AttributeValue root = item.get(path.attribute());
        if (root == null) {
            throw AwsServiceException.validation(UpdateApplier.INVALID_PATH);
        }
        item.put(path.attribute(), putIn(root, path, 1, value));
    }

    private static AttributeValue putIn(AttributeValue current, DocumentPath path, int i, AttributeValue value)
            throws AwsServiceException {
        boolean last = i == path.size() - 1;
        Object element = path.element(i);
        if (element instanceof String key && current instanceof AttributeValue.M map) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.value());
            AttributeValue child = copy.get(key);
            if (!last && child == null) {
                throw AwsServiceException.validation(UpdateApplier.INVALID_PATH);
            }
            copy.put(key, last ? value : putIn(child, path, i + 1, value));
            return new AttributeValue.M(copy);
        }
        if (element instanceof Integer index && current instanceof AttributeValue.L list) {
            List<AttributeValue> copy = new ArrayList<>(list.value());
            if (last && index >= copy.size()) {
                copy.add(value);
            } else if (index >= copy.size()) {
                throw AwsServiceException.validation(UpdateApplier.INVALID_PATH);
            } else {
                copy.set(index, last ? value : putIn(copy.get(index), path, i + 1, value));
            }
            return new AttributeValue.L(copy);
        }
        throw AwsServiceException.validation(UpdateApplier.INVALID_PATH);
    }

    /** Removes {@code path} from {@code item} (in place); a missing path is left alone. */
    static void remove(Map<String, AttributeValue> item, DocumentPath path) throws AwsServiceException {
        if (path.isTopLevel()) {
            item.remove(path.attribute());
            return;
        }
        AttributeValue root = item.get(path.attribute());
        if (root != null) {
            item.put(path.attribute(), removeIn(root, path, 1));
        }
    }

    private static AttributeValue removeIn(AttributeValue current, DocumentPath path, int i) throws AwsServiceException {
        boolean last = i == path.size() - 1;
        Object element = path.element(i);
        if (element instanceof String key && current instanceof AttributeValue.M map) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.value());
            AttributeValue child = copy.get(key);
            if (child == null) {
                return current;
            }
            if (last) {
                copy.remove(key);
            } else {
                copy.put(key, removeIn(child, path, i + 1));
            }
            return new AttributeValue.M(copy);
        }
        if (element instanceof Integer index && current instanceof AttributeValue.L list) {
            if (index >= list.value().size()) {
                return current;
            }
            List<AttributeValue> copy = new ArrayList<>(list.value());
            if (last) {
                copy.remove((int) index);
            } else {
                copy.set(index, removeIn(copy.get(index), path, i + 1));
            }
            return new AttributeValue.L(copy);
        }
        throw AwsServiceException.validation(UpdateApplier.INVALID_PATH);
    }

    /**
     * The parts of {@code item} that {@code paths} select, nested as in the item; list elements
     * keep their relative order (DynamoDB's ProjectionExpression result).
     */
    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<DocumentPath> paths) {
        Map<String, Node> roots = new LinkedHashMap<>();
        for (DocumentPath path : paths) {
            path.resolve(item).ifPresent(value -> {
                Node node = roots.computeIfAbsent(path.attribute(), k -> new Node());
                for (int i = 1; i < path.size(); i++) {
                    node = node.child(path.element(i));
                }
                node.leaf = value;
            });
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        roots.forEach((name, node) -> projected.put(name, node.toValue()));
        return projected;
    }

    /** A partially built projection: a leaf value, or map fields, or list elements by index. */
    private static final class Node {
        private AttributeValue leaf;
        private final Map<String, Node> fields = new LinkedHashMap<>();
        private final TreeMap<Integer, Node> elements = new TreeMap<>();

        Node child(Object element) {
            return element instanceof Integer index
                    ? elements.computeIfAbsent(index, k -> new Node())
                    : fields.computeIfAbsent((String) element, k -> new Node());
        }

        AttributeValue toValue() {
            if (leaf != null) {
                return leaf;
            }
            if (!elements.isEmpty()) {
                List<AttributeValue> list = new ArrayList<>();
                elements.values().forEach(n -> list.add(n.toValue()));
                return new AttributeValue.L(list);
            }
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            fields.forEach((k, n) -> map.put(k, n.toValue()));
            return new AttributeValue.M(map);
        }
    }
}
