package dev.airlock.endpoints.dynamodb.table;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A global secondary index. An item is in the index only when it has every index key attribute
 * (which is what makes an index sparse); the index holds the projected attributes.
 */
public record IndexDefinition(String name, KeySchema keySchema, String projectionType, List<String> nonKeyAttributes,
                              long readCapacity, long writeCapacity) {

    public IndexDefinition {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /** Whether {@code item} has every key attribute of this index. */
    public boolean indexes(Map<String, AttributeValue> item) {
        return keySchema.attributeNames().stream().allMatch(item::containsKey);
    }

    /**
     * Checks the index key attributes an item carries: the right type and not empty, with
     * DynamoDB's messages.
     */
    public void checkItem(Map<String, AttributeValue> item) throws AwsServiceException {
        for (String attribute : keySchema.attributeNames()) {
            AttributeValue value = item.get(attribute);
            if (value == null) {
                continue;
            }
            String expected = keySchema.typeOf(attribute);
            if (!value.type().equals(expected)) {
                throw AwsServiceException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                        + attribute + " Expected: " + expected + " Actual: " + value.type() + " IndexName: " + name);
            }
            boolean empty = (value instanceof AttributeValue.S s && s.value().isEmpty())
                    || (value instanceof AttributeValue.B b && b.value().length() == 0);
            if (empty) {
                throw AwsServiceException.validation("One or more parameter values are not valid. A value specified for a "
                        + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                        + "empty " + (value instanceof AttributeValue.S ? "string" : "binary") + " value. IndexName: "
                        + name + ", IndexKey: " + attribute);
            }
        }
    }

    /** The attributes of {@code item} this index holds: all, the keys only, or the keys plus the included ones. */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeySchema tableKey) {
        if (projectionType.equals("ALL")) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        item.forEach((attribute, value) -> {
            if (tableKey.contains(attribute) || keySchema.contains(attribute)
                    || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(attribute))) {
                projected.put(attribute, value);
            }
        });
        return projected;
    }
}
