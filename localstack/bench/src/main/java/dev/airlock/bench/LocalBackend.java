package dev.airlock.bench;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.aws.dynamodb.CursorCodec;
import dev.airlock.aws.dynamodb.DynamoDbAccessRequestStore;
import dev.airlock.aws.dynamodb.DynamoDbRoleCatalog;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.dynamodb.TableBootstrap;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.role.Identity;
import dev.airlock.endpoints.EmbeddedAwsServer;
import dev.airlock.local.CaKeyBootstrap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backends every measurement runs against: the embedded DynamoDB and KMS endpoints on 127.0.0.1,
 * with the tables, a CA key (alias {@value #CA_ALIAS}) and the demo role file
 * ({@code localstack/config/roles.yaml}) bootstrapped by the same code {@code local-up} uses.
 */
public final class LocalBackend implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String CA_ALIAS = "alias/airlock-ca";
    /** The demo policy, as the runner jar carries it. */
    static final String ROLES_RESOURCE = "/airlock-local-config/roles.yaml";
    /** The list cursors' key of every bench process (not a secret: local data only). */
    public static final byte[] CURSOR_KEY = "airlock bench cursor key, local data only!".getBytes(StandardCharsets.US_ASCII);
    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("bench", "bench");

    private final EmbeddedAwsServer server;
    private final SdkHttpClient http;
    private final DynamoDbClient dynamoDb;
    private final TableNames tables = TableNames.defaults();
    private final String rolesYaml;

    private LocalBackend(EmbeddedAwsServer server) {
        this.server = server;
        this.http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build();
        this.dynamoDb = dynamoDb(List.of());
        this.rolesYaml = readRoles();
    }

    /** Starts in-memory endpoints and bootstraps tables, a CA key of {@code caKeySpec} and the roles. */
    public static LocalBackend start(String caKeySpec) {
        LocalBackend backend = new LocalBackend(EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults()));
        try {
            new TableBootstrap(backend.dynamoDb).ensureTables(backend.tables);
            try (KmsClient kms = backend.kms()) {
                new CaKeyBootstrap(kms).ensure(CA_ALIAS, caKeySpec, Optional.of(caKeySpec));
            }
            new RoleConfigStore(backend.dynamoDb, backend.tables, Clock.systemUTC()).apply(backend.rolesYaml, "bench");
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public TableNames tables() {
        return tables;
    }

    /** The role file in force. */
    public String rolesYaml() {
        return rolesYaml;
    }

    /** A new DynamoDB client on the endpoints, with {@code interceptors} (e.g. an item counter). */
    public DynamoDbClient dynamoDb(List<ExecutionInterceptor> interceptors) {
        return DynamoDbClient.builder().httpClient(http).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .endpointOverride(server.endpoint())
                .overrideConfiguration(c -> interceptors.forEach(c::addExecutionInterceptor))
                .build();
    }

    public KmsClient kms() {
        return KmsClient.builder().httpClient(http).region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .endpointOverride(server.endpoint())
                .build();
    }

    /** The request store the functions use, over {@code client}. */
    public DynamoDbAccessRequestStore store(DynamoDbClient client, Clock clock) {
        return new DynamoDbAccessRequestStore(client, tables, new CursorCodec(CURSOR_KEY), clock);
    }

    /** The role catalog the functions use. */
    public DynamoDbRoleCatalog roleCatalog(Clock clock) {
        return new DynamoDbRoleCatalog(new RoleConfigStore(dynamoDb, tables, clock), clock);
    }

    /** A caller of the demo policy: base roles from a {@code groups} claim, as the functions derive them. */
    public static Identity identity(RoleCatalog catalog, String user, String group) {
        return new Identity(user, catalog.current().baseRolesFor(Map.of("groups", List.of(group))));
    }

    /**
     * The environment of a function in Lambda, pointed at these endpoints: what the runtime and the
     * CDK stack set ({@code AWS_LAMBDA_FUNCTION_NAME}, region, credentials, tables, CA key, cursor key).
     */
    public Map<String, String> lambdaEnvironment(String mainClass, String function) {
        return Map.ofEntries(
                Map.entry("MAIN_CLASS", mainClass),
                Map.entry(EnvironmentNames.FUNCTION_DEFINITION, function),
                Map.entry(EnvironmentNames.LAMBDA_FUNCTION_NAME, "airlock-" + function),
                Map.entry(EnvironmentNames.REGION, REGION),
                Map.entry(EnvironmentNames.ACCESS_KEY_ID, CREDENTIALS.accessKeyId()),
                Map.entry(EnvironmentNames.SECRET_ACCESS_KEY, CREDENTIALS.secretAccessKey()),
                Map.entry(EnvironmentNames.ENDPOINT_URL, server.endpoint().toString()),
                Map.entry(EnvironmentNames.REQUESTS_TABLE, tables.requests()),
                Map.entry(EnvironmentNames.AUDIT_TABLE, tables.audit()),
                Map.entry(EnvironmentNames.CA_KEY_ID, CA_ALIAS),
                Map.entry(EnvironmentNames.CURSOR_KEY, Base64.getEncoder().encodeToString(CURSOR_KEY)));
    }

    @Override
    public void close() {
        dynamoDb.close();
        http.close();
        server.close();
    }

    private static String readRoles() {
        try (InputStream in = LocalBackend.class.getResourceAsStream(ROLES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ROLES_RESOURCE + " is not on the class path (airlock-local jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
