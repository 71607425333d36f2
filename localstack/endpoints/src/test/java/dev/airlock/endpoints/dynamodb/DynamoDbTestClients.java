package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.EmbeddedAwsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.LinkedHashMap;
import java.util.Map;

/** SDK clients and a small table for tests that run their own embedded server. */
public final class DynamoDbTestClients {

    private DynamoDbTestClients() {
    }

    /** A client without retries, so every failure is seen. */
    public static DynamoDbClient client(EmbeddedAwsServer server) {
        return DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
    }

    /** A table keyed by {@code id} (S) with a KEYS_ONLY index {@code byState} on {@code state}. */
    public static void createTable(DynamoDbClient client, String name) {
        client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("state").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("byState")
                        .keySchema(k -> k.attributeName("state").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType("KEYS_ONLY"))));
    }

    public static Map<String, AttributeValue> item(Object... keysAndValues) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            item.put((String) keysAndValues[i], value instanceof Number number
                    ? AttributeValue.fromN(number.toString()) : AttributeValue.fromS((String) value));
        }
        return item;
    }
}
