package dev.airlock.aws.admin;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Builds the DynamoDB client of the admin tool: URL-connection HTTP client, explicit region and credentials. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    public static DynamoDbClient create(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        Objects.requireNonNull(endpoint, "endpoint");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Objects.requireNonNull(region, "region"))
                .credentialsProvider(Objects.requireNonNull(credentials, "credentials"));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
