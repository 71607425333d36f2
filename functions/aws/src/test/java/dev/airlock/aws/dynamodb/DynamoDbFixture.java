package dev.airlock.aws.dynamodb;

import dev.airlock.endpoints.EmbeddedAwsServer;
import dev.airlock.endpoints.FaultInjector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import org.junit.jupiter.api.Assumptions;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded endpoints (one server per JVM, started on first use) and, per test class, a fresh
 * pair of tables created by {@link TableBootstrap}. Clients go through the real AWS SDK v2 wire path
 * with the URL-connection HTTP client.
 *
 * <p>With the system property {@value #ENDPOINT_PROPERTY} set (e.g. to a LocalStack or DynamoDB Local
 * URL) the tests run against that endpoint instead; tests that inject faults are then skipped, since
 * only the embedded server can inject them.
 */
public final class DynamoDbFixture {

    public static final String ENDPOINT_PROPERTY = "airlock.it.dynamodb.endpoint";

    private static EmbeddedAwsServer server;

    private final TableNames tables;
    private final DynamoDbClient client;
    private final DynamoDbClient clientWithoutRetries;
    private final CursorCodec cursors = new CursorCodec(CursorCodecTest.randomKey());

    private DynamoDbFixture(TableNames tables) {
        this.tables = tables;
        this.client = client(List.of(), true);
        this.clientWithoutRetries = client(List.of(), false);
        new TableBootstrap(client).ensureTables(tables);
    }

    /** Fresh tables with unique names on the shared embedded server. */
    public static DynamoDbFixture create() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new DynamoDbFixture(new TableNames("requests-" + suffix, "audit-" + suffix));
    }

    private static synchronized EmbeddedAwsServer server() {
        if (server == null) {
            server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-aws-stop"));
        }
        return server;
    }

    public TableNames tables() {
        return tables;
    }

    /** Client with the SDK's standard retries, as the functions build it. */
    public DynamoDbClient client() {
        return client;
    }

    /** Client that never retries, for tests that assert on injected throttling or 5xx errors. */
    public DynamoDbClient clientWithoutRetries() {
        return clientWithoutRetries;
    }

    /** A new client with these interceptors (close it after use). */
    public DynamoDbClient client(List<ExecutionInterceptor> interceptors, boolean retries) {
        var builder = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    interceptors.forEach(c::addExecutionInterceptor);
                    if (!retries) {
                        c.retryStrategy(b -> b.maxAttempts(1));
                    }
                });
        return builder.build();
    }

    /** The embedded server's fault injector; skips the calling test against an external endpoint. */
    public FaultInjector faults() {
        Assumptions.assumeTrue(external().isEmpty(), "fault injection needs the embedded endpoints");
        return server().faults();
    }

    public String endpoint() {
        return external().orElseGet(() -> server().endpoint().toString());
    }

    private static Optional<String> external() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY, "").trim();
        return endpoint.isEmpty() ? Optional.empty() : Optional.of(endpoint);
    }

    public CursorCodec cursors() {
        return cursors;
    }

    public DynamoDbAccessRequestStore store(DynamoDbClient dynamoDb, Clock clock) {
        return new DynamoDbAccessRequestStore(dynamoDb, tables, cursors, clock);
    }

    public DynamoDbAccessRequestStore store() {
        return store(client, Clock.systemUTC());
    }
}
