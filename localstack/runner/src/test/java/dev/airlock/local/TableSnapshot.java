package dev.airlock.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TEST ONLY: the full contents of a table (scanned over the DynamoDB API), as a count and a SHA-256
 * over its items in a canonical order, to prove that a refused request changed nothing.
 *
 * @param count  number of items
 * @param sha256 hash of every item, attributes sorted, items sorted
 * @param items  each item rendered canonically
 */
record TableSnapshot(int count, String sha256, List<String> items) {

    static TableSnapshot of(DynamoDbClient dynamoDb, String table) {
        List<String> items = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.add(canonical(item)));
        items.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            items.forEach(item -> digest.update((item + "\n").getBytes(StandardCharsets.UTF_8)));
            return new TableSnapshot(items.size(), HexFormat.of().formatHex(digest.digest()), List.copyOf(items));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Items whose attribute {@code name} is the string {@code value}. */
    long countWhere(String name, String value) {
        String needle = name + "=" + AttributeValue.fromS(value);
        return items.stream().filter(item -> item.contains(needle)).count();
    }

    private static String canonical(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).toString();
    }
}
