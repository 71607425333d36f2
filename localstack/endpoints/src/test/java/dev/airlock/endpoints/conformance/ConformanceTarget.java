package dev.airlock.endpoints.conformance;

import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Where the conformance suite sends its requests, and AWS SDK v2 clients pointed there
 * (URL-connection HTTP client, static credentials, region us-east-1).
 *
 * <p>The target is, in order: the one set by {@link #runWith} (the LocalStack Testcontainers run);
 * the endpoint in the system property {@value #ENDPOINT_PROPERTY} ({@code scripts/conformance
 * --endpoint URL}); else an embedded server started once per JVM.
 *
 * <p>Tests look the target up per test ({@code private final ConformanceTarget target =
 * ConformanceTarget.current();}), never in a {@code static final} field, so that one JVM can run the
 * suite against more than one target.
 *
 * <p>Where a known third-party emulator deviates from the AWS documentation, a test calls
 * {@link #assumeNoKnownDeviation(Emulator, String)}: on that emulator the test is reported as
 * skipped with the emulator's name and the deviation, never silently.
 */
public final class ConformanceTarget {

    /** System property with the endpoint URL of an external emulator to test. */
    public static final String ENDPOINT_PROPERTY = "airlock.conformance.endpoint";
    /** System property naming the external emulator (localstack, floci, moto), for its known deviations. */
    public static final String EMULATOR_PROPERTY = "airlock.conformance.emulator";

    private static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCONFORMANCE", "conformance-secret"));

    private static volatile ConformanceTarget override;
    private static ConformanceTarget fromProperties;

    /** The emulators whose known deviations the suite names. */
    public enum Emulator { EMBEDDED, LOCALSTACK, FLOCI, MOTO, OTHER }

    private final URI endpoint;
    private final Emulator emulator;
    private final EmbeddedAwsServer embedded;
    private DynamoDbClient dynamoDb;
    private DynamoDbClient dynamoDbWithoutRetries;
    private KmsClient kms;
    private KmsClient kmsWithoutRetries;
    private DynamoDbStreamsClient dynamoDbStreams;
    private S3Client s3;

    private ConformanceTarget(URI endpoint, Emulator emulator, EmbeddedAwsServer embedded) {
        this.endpoint = endpoint;
        this.emulator = emulator;
        this.embedded = embedded;
    }

    /** The target of the tests running now. */
    public static ConformanceTarget current() {
        ConformanceTarget set = override;
        return set != null ? set : fromProperties();
    }

    /** Runs {@code suite} with {@code endpoint} as the current target (one run at a time per JVM). */
    public static synchronized <T> T runWith(URI endpoint, Emulator emulator, Callable<T> suite) throws Exception {
        ConformanceTarget target = new ConformanceTarget(endpoint, emulator, null);
        override = target;
        try {
            return suite.call();
        } finally {
            override = null;
            target.closeClients();
        }
    }

    private static synchronized ConformanceTarget fromProperties() {
        if (fromProperties == null) {
            String external = System.getProperty(ENDPOINT_PROPERTY, "").trim();
            if (external.isEmpty()) {
                EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "conformance-embedded-stop"));
                fromProperties = new ConformanceTarget(server.endpoint(), Emulator.EMBEDDED, server);
            } else {
                fromProperties = new ConformanceTarget(URI.create(external), emulatorFromProperty(), null);
            }
        }
        return fromProperties;
    }

    private static Emulator emulatorFromProperty() {
        String name = System.getProperty(EMULATOR_PROPERTY, "other").trim().toUpperCase(Locale.ROOT);
        try {
            return Emulator.valueOf(name.isEmpty() ? "OTHER" : name);
        } catch (IllegalArgumentException e) {
            return Emulator.OTHER;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Emulator emulator() {
        return emulator;
    }

    /** The embedded server, when the suite runs against it (fault injection is only possible there). */
    public Optional<EmbeddedAwsServer> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    /**
     * Skips the calling test, with a message naming {@code emulator} and the deviation, when the
     * suite runs against that emulator.
     */
    public void assumeNoKnownDeviation(Emulator deviating, String deviation) {
        Assumptions.assumeTrue(emulator != deviating,
                () -> "known deviation of " + deviating + " from the AWS documentation: " + deviation);
    }

    /** A table, key alias or other resource name no earlier run can have left behind. */
    public String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** DynamoDB client with the SDK's default retries (as applications use it). */
    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = configure(DynamoDbClient.builder(), RetryMode.STANDARD).build();
        }
        return dynamoDb;
    }

    /** DynamoDB client that never retries, for tests that assert on throttling or 5xx errors. */
    public synchronized DynamoDbClient dynamoDbWithoutRetries() {
        if (dynamoDbWithoutRetries == null) {
            dynamoDbWithoutRetries = configure(DynamoDbClient.builder(), null)
                    .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
        }
        return dynamoDbWithoutRetries;
    }

    /** DynamoDB Streams client with the SDK's default retries (the same endpoint, as AWS_ENDPOINT_URL sets it). */
    public synchronized DynamoDbStreamsClient dynamoDbStreams() {
        if (dynamoDbStreams == null) {
            dynamoDbStreams = configure(DynamoDbStreamsClient.builder(), RetryMode.STANDARD).build();
        }
        return dynamoDbStreams;
    }

    /** S3 client with path-style addressing (bucket in the path, as an emulator on one host needs). */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = configure(S3Client.builder(), RetryMode.STANDARD).forcePathStyle(true).build();
        }
        return s3;
    }

    /** KMS client with the SDK's default retries. */
    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = configure(KmsClient.builder(), RetryMode.STANDARD).build();
        }
        return kms;
    }

    /** KMS client that never retries, for tests that assert on throttling or 5xx errors. */
    public synchronized KmsClient kmsWithoutRetries() {
        if (kmsWithoutRetries == null) {
            kmsWithoutRetries = configure(KmsClient.builder(), null)
                    .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1))).build();
        }
        return kmsWithoutRetries;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, RetryMode retryMode) {
        B configured = builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS);
        if (retryMode != null) {
            configured = configured.overrideConfiguration(c -> c.retryStrategy(retryMode));
        }
        if (configured instanceof software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return configured;
    }

    private synchronized void closeClients() {
        for (AutoCloseable client : new AutoCloseable[] {dynamoDb, dynamoDbWithoutRetries, kms, kmsWithoutRetries,
                dynamoDbStreams, s3}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing a client of a finished run; nothing depends on it
                }
            }
        }
    }

    @Override
    public String toString() {
        return emulator + " at " + endpoint;
    }
}
