package dev.airlock.endpoints.dynamodb.table;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.value.AttributeValue;
import dev.airlock.endpoints.dynamodb.value.ItemSize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE)
 * attribute, each of type S, N or B.
 */
public record KeySchema(String hashName, String hashType, Optional<String> rangeName, Optional<String> rangeType) {

    /** "The maximum length of a partition key value is 2048 bytes" (DynamoDB quotas). */
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    /** "The maximum length of a sort key value is 1024 bytes" (DynamoDB quotas). */
    static final int MAX_SORT_KEY_BYTES = 1024;
    private static final String INVALID = "One or more parameter values were invalid: ";

    public List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        names.add(hashName);
        rangeName.ifPresent(names::add);
        return names;
    }

    public boolean contains(String attribute) {
        return hashName.equals(attribute) || rangeName.filter(attribute::equals).isPresent();
    }

    public String typeOf(String attribute) {
        return hashName.equals(attribute) ? hashType : rangeType.orElseThrow();
    }

    /**
     * The key attributes of {@code item}, which must have them all with the right types
     * (PutItem and the Put of a transaction).
     */
    public Map<String, AttributeValue> keyOfItem(Map<String, AttributeValue> item) throws AwsServiceException {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : attributeNames()) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw AwsServiceException.validation(INVALID + "Missing the key " + name + " in the item");
            }
            checkKeyValue(name, value);
            key.put(name, value);
        }
        return key;
    }

    /** Checks a {@code Key} parameter: exactly the key attributes, with the right types. */
    public Map<String, AttributeValue> checkKey(Map<String, AttributeValue> key) throws AwsServiceException {
        if (key.size() != attributeNames().size() || !key.keySet().containsAll(attributeNames())) {
            throw AwsServiceException.validation("The provided key element does not match the schema");
        }
        for (String name : attributeNames()) {
            AttributeValue value = key.get(name);
            if (!value.type().equals(typeOf(name))) {
                throw AwsServiceException.validation("The provided key element does not match the schema");
            }
            checkKeyValue(name, value);
        }
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        attributeNames().forEach(name -> ordered.put(name, key.get(name)));
        return ordered;
    }

    private void checkKeyValue(String name, AttributeValue value) throws AwsServiceException {
        String expected = typeOf(name);
        if (!value.type().equals(expected)) {
            throw AwsServiceException.validation(INVALID + "Type mismatch for key " + name + " expected: " + expected
                    + " actual: " + value.type());
        }
        if (value instanceof AttributeValue.S s && s.value().isEmpty()) {
            throw AwsServiceException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty string value. Key: " + name);
        }
        if (value instanceof AttributeValue.B b && b.value().length() == 0) {
            throw AwsServiceException.validation("One or more parameter values are not valid. The AttributeValue for a "
                    + "key attribute cannot contain an empty binary value. Key: " + name);
        }
        long size = ItemSize.of(value);
        if (name.equals(hashName) && size > MAX_PARTITION_KEY_BYTES) {
            throw AwsServiceException.validation(INVALID + "Size of hashkey has exceeded the maximum size limit of"
                    + MAX_PARTITION_KEY_BYTES + " bytes");
        }
        if (!name.equals(hashName) && size > MAX_SORT_KEY_BYTES) {
            throw AwsServiceException.validation(INVALID + "Aggregated size of all range keys has exceeded the size "
                    + "limit of " + MAX_SORT_KEY_BYTES + " bytes");
        }
    }
}
