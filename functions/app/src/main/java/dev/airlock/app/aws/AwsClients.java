package dev.airlock.app.aws;

import dev.airlock.app.config.AirlockConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds the AWS SDK clients once per process, outside any handler, with everything explicit so
 * nothing is discovered at cold start: the region and endpoint from {@link AirlockConfig}, one
 * URL-connection HTTP client shared by all clients (the only HTTP client in the Lambda package), and
 * the credentials provider that fits where we run:
 * <ul>
 *   <li>{@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY} set (always so in Lambda):
 *       {@link EnvironmentVariableCredentialsProvider} — no provider chain is walked;</li>
 *   <li>an explicitly local run without them: a fixed dummy pair, which emulators accept;</li>
 *   <li>otherwise the SDK's default chain (profiles, SSO, container and instance roles).</li>
 * </ul>
 * Each client is built only when asked for, so a function never builds one it does not use.
 */
public final class AwsClients implements AutoCloseable {

    /**
     * Dummy credentials of local runs: emulators check the signature format, not the secret. Letters
     * only, as DynamoDB Local requires of access key ids.
     */
    static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("airlocklocal", "airlocklocal");

    /** Well inside the Lambda timeout, long enough for a KMS Sign under load. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

    private final AirlockConfig config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;

    public AwsClients(AirlockConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECTION_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        this.credentials = credentialsProvider(config.credentials());
    }

    /** A new DynamoDB client; the caller keeps it for the life of the process. */
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    /** A new DynamoDB Streams client (the local runner's stream pollers); the caller closes it. */
    public DynamoDbStreamsClient dynamoDbStreams() {
        return configure(DynamoDbStreamsClient.builder()).build();
    }

    /** A new KMS client; the caller keeps it for the life of the process. */
    public KmsClient kms() {
        return configure(KmsClient.builder()).build();
    }

    /**
     * A new S3 client (the {@code checkpoint} function's anchor); path-style addressing when an endpoint
     * is configured, as emulators on one host need.
     */
    public S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(config.endpoint().isPresent()).build();
    }

    /** A new Secrets Manager client, for the start-up read of a secret; close it after. */
    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder()).build();
    }

    /** The credentials provider in use (visible for tests). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.httpClient(http)
                .region(Region.of(config.region()))
                .credentialsProvider(credentials);
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider credentialsProvider(AirlockConfig.CredentialsSource source) {
        return switch (source) {
            case ENVIRONMENT -> EnvironmentVariableCredentialsProvider.create();
            case LOCAL_STATIC -> StaticCredentialsProvider.create(LOCAL_CREDENTIALS);
            case DEFAULT_CHAIN -> DefaultCredentialsProvider.builder().build();
        };
    }

    /** Closes the shared HTTP client; the clients built from it must not be used afterwards. */
    @Override
    public void close() {
        http.close();
    }
}
