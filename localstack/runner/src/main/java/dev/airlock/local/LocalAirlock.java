package dev.airlock.local;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.app.harness.LocalFunctions;
import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.RoleConfigStore;
import dev.airlock.aws.kms.KmsCertificateAuthority;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CaKeyRecords;
import dev.airlock.core.usecase.RegisterCaKey;
import dev.airlock.core.port.RoleFile;
import dev.airlock.aws.dynamodb.TableBootstrap;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.endpoints.EmbeddedAwsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Airlock on one machine: DynamoDB, its streams, KMS and S3 (embedded, or an emulator already running),
 * the tables (the audit table with its stream), the CA key, the audit key, the checkpoint bucket (Object
 * Lock) and the role configuration bootstrapped, every function bean in one Spring context,
 * and the local gateway in front of them. {@link LocalUp} runs it as a program; the end-to-end tests
 * start it in-process with their own clock.
 */
public final class LocalAirlock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAirlock.class);
    /** Who applies the demo roles and records the CA key, as the audit records name it. */
    public static final String ROLES_ACTOR = "local-up";
    /**
     * How often the stream pollers read an idle stream. An idle stream still invokes its functions with
     * an empty batch every half checkpoint interval, so a checkpoint is never older than about 1.5
     * intervals and {@code verify}'s staleness check (twice the interval) holds on a quiet machine.
     */
    static final Duration STREAM_POLL_INTERVAL = Duration.ofMillis(500);
    static final Duration STREAM_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Locally checkpoints come every few seconds, so anchoring is seen to happen. */
    public static final String DEFAULT_CHECKPOINT_INTERVAL = "PT5S";
    /** Each local checkpoint's COMPLIANCE retention. */
    static final String CHECKPOINT_RETENTION = "P" + AnchorBootstrap.RETENTION_DAYS + "D";

    private final Deque<AutoCloseable> resources;
    private final LocalGateway gateway;
    private final FunctionHost functions;
    private final URI awsEndpoint;
    private final AirlockConfig config;
    private final DynamoDbClient dynamoDb;
    private final CaKeyBootstrap.CaKey caKey;
    private final LocalTriggers.StreamSource streams;

    private LocalAirlock(Deque<AutoCloseable> resources, LocalGateway gateway, FunctionHost functions,
                         URI awsEndpoint, AirlockConfig config, DynamoDbClient dynamoDb, CaKeyBootstrap.CaKey caKey,
                         LocalTriggers.StreamSource streams) {
        this.streams = streams;
        this.resources = resources;
        this.gateway = gateway;
        this.functions = functions;
        this.awsEndpoint = awsEndpoint;
        this.config = config;
        this.dynamoDb = dynamoDb;
        this.caKey = caKey;
    }

    /**
     * What to start.
     *
     * @param port           gateway port (0 = any free one)
     * @param awsEndpoint    an emulator to use; empty = start the embedded endpoints
     * @param dataDirectory  where the embedded endpoints keep their data; empty = memory only
     * @param issuerKeyFile  where the development issuer keeps its key; empty = a fresh key in memory
     * @param caKeySpec      KMS key spec of a CA key created now
     * @param requiredCaSpec a spec the existing CA key must have (explicitly configured), if any
     * @param rolesYaml      the role file to apply
     * @param demoUsers      the development issuer's demo users
     * @param environment    further {@link AirlockConfig} variables (region, table names, …)
     * @param clock          the clock of the functions, the issuer and the gateway
     */
    public record Settings(int port, Optional<URI> awsEndpoint, Optional<Path> dataDirectory,
                           Optional<Path> issuerKeyFile, String caKeySpec, Optional<String> requiredCaSpec,
                           String rolesYaml, DemoUsers demoUsers, Map<String, String> environment, Clock clock) {

        public Settings {
            Objects.requireNonNull(awsEndpoint, "awsEndpoint");
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(issuerKeyFile, "issuerKeyFile");
            Objects.requireNonNull(caKeySpec, "caKeySpec");
            Objects.requireNonNull(requiredCaSpec, "requiredCaSpec");
            Objects.requireNonNull(rolesYaml, "rolesYaml");
            Objects.requireNonNull(demoUsers, "demoUsers");
            environment = Map.copyOf(environment);
            Objects.requireNonNull(clock, "clock");
        }

        /** In-memory endpoints, a fresh issuer key, any free port: what in-process tests want. */
        public static Settings inMemory(String rolesYaml, DemoUsers demoUsers, Clock clock) {
            return new Settings(0, Optional.empty(), Optional.empty(), Optional.empty(), CaKeyBootstrap.DEFAULT_SPEC,
                    Optional.empty(), rolesYaml, demoUsers, Map.of(), clock);
        }

        public Settings withCaKeySpec(String spec) {
            return new Settings(port, awsEndpoint, dataDirectory, issuerKeyFile, spec, requiredCaSpec, rolesYaml,
                    demoUsers, environment, clock);
        }
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    public static LocalAirlock start(Settings settings) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            URI endpoint = settings.awsEndpoint().orElseGet(() -> {
                EmbeddedAwsServer server = EmbeddedAwsServer.start(settings.dataDirectory()
                        .map(dir -> EmbeddedAwsServer.Options.defaults().withDataDirectory(dir))
                        .orElse(EmbeddedAwsServer.Options.defaults()));
                resources.push(server);
                return server.endpoint();
            });
            Map<String, String> environment = environment(settings, endpoint);
            AirlockConfig config = AirlockConfig.local(environment);
            AwsClients clients = new AwsClients(config);
            resources.push(clients);
            DynamoDbClient dynamoDb = clients.dynamoDb();
            resources.push(dynamoDb);
            TableNames tables = new TableNames(config.requestsTable(), config.auditTable());
            TableBootstrap bootstrap = new TableBootstrap(dynamoDb);
            bootstrap.ensureTables(tables);
            bootstrap.missingIndexes(tables).forEach(index -> LOG.warn("index {} is missing: the tables were created "
                    + "before it existed and the routes that read it will fail; delete the data directory's "
                    + "dynamodb folder once (docs/LOCAL.md)", index));
            if (AnchorBootstrap.ensureStream(dynamoDb, config.auditTable())) {
                LOG.info("enabled the stream of {} (checkpoints anchor records appended from now on)", config.auditTable());
            }
            CaKeyBootstrap.CaKey caKey;
            try (KmsClient kms = clients.kms()) {
                caKey = new CaKeyBootstrap(kms).ensure(config.caKeyId(), settings.caKeySpec(), settings.requiredCaSpec());
                registerCaKey(kms, dynamoDb, tables, config.caKeyId(), settings.clock());
                AnchorBootstrap.ensureAuditKey(kms, config.checkpoint().orElseThrow().auditKeyId());
            }
            try (S3Client s3 = clients.s3()) {
                AnchorBootstrap.ensureBucket(s3, config.checkpoint().orElseThrow().bucket());
            }
            DynamoDbStreamsClient streamsClient = clients.dynamoDbStreams();
            resources.push(streamsClient);
            applyRoles(dynamoDb, tables, settings);
            AirlockConfig[] trusting = new AirlockConfig[1];
            FunctionHost[] functions = new FunctionHost[1];
            LocalGateway gateway = LocalGateway.startFor(settings.port(), issuer -> {
                        // The functions verify tokens themselves, against the development issuer's discovery.
                        trusting[0] = trusting(environment, issuer);
                        functions[0] = new SpringFunctionHost(LocalFunctions.start(trusting[0], settings.clock()));
                        resources.push(functions[0]);
                        return functions[0];
                    }, url -> settings.issuerKeyFile()
                            .map(file -> DevTokenIssuer.persistent(file, url, settings.clock()))
                            .orElseGet(() -> DevTokenIssuer.inMemory(url, settings.clock())),
                    settings.demoUsers(), settings.clock());
            resources.push(gateway);
            LOG.info("CA key {} ({}{})", config.caKeyId(), caKey.keySpec(), caKey.created() ? ", created" : "");
            LocalTriggers.StreamSource streams = new LocalTriggers.StreamSource(streamsClient,
                    Map.of("audit", config.auditTable(), "requests", config.requestsTable()),
                    settings.dataDirectory().map(data -> data.resolveSibling("streams")), STREAM_POLL_INTERVAL,
                    STREAM_MAX_BACKOFF, Optional.of(config.checkpoint().orElseThrow().interval().dividedBy(2)),
                    Clock.systemUTC());
            return new LocalAirlock(resources, gateway, functions[0], endpoint, trusting[0], dynamoDb, caKey, streams);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The gateway's base URL, {@code http://127.0.0.1:PORT}. */
    public URI url() {
        return gateway.url();
    }

    public LocalGateway gateway() {
        return gateway;
    }

    /** The function beans, Lambda-style. */
    public FunctionHost functions() {
        return functions;
    }

    /** The DynamoDB/KMS endpoint in use. */
    public URI awsEndpoint() {
        return awsEndpoint;
    }

    /** The functions' configuration (region, table names, CA key id). */
    public AirlockConfig config() {
        return config;
    }

    /** A DynamoDB client on the local endpoint (tests read the audit table with it). */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public CaKeyBootstrap.CaKey caKey() {
        return caKey;
    }

    /** Where the table-stream functions read (start them with {@link LocalTriggers}). */
    public LocalTriggers.StreamSource streams() {
        return streams;
    }

    /** Stops the gateway, the functions, the clients and the endpoints (which flush their data), in that order. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static Map<String, String> environment(Settings settings, URI endpoint) {
        Map<String, String> env = new LinkedHashMap<>(settings.environment());
        env.put(EnvironmentNames.ENDPOINT_URL, endpoint.toString());
        env.remove(EnvironmentNames.FUNCTION_DEFINITION);
        env.putIfAbsent(EnvironmentNames.CHECKPOINT_BUCKET, AnchorBootstrap.BUCKET);
        env.putIfAbsent(EnvironmentNames.AUDIT_KEY_ID, AnchorBootstrap.AUDIT_KEY_ALIAS);
        env.putIfAbsent(EnvironmentNames.CHECKPOINT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL);
        env.putIfAbsent(EnvironmentNames.CHECKPOINT_RETENTION, CHECKPOINT_RETENTION);
        return env;
    }

    /**
     * {@code config} plus the development issuer: its URL, its audience; keys from its discovery document
     * (served by the gateway under {@code /dev}), as a deployment reads its real issuer's; and its CLI
     * client, which {@code GET /.well-known/airlock} announces so {@code access login} signs in with it.
     */
    private static AirlockConfig trusting(Map<String, String> environment, DevTokenIssuer issuer) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(EnvironmentNames.JWT_ISSUER, issuer.issuer());
        env.put(EnvironmentNames.JWT_AUDIENCE, issuer.audience());
        env.putIfAbsent(EnvironmentNames.OIDC_CLIENT_ID, dev.airlock.local.oidc.OidcClients.CLI);
        env.putIfAbsent(EnvironmentNames.OIDC_SCOPES, "openid offline_access");
        return AirlockConfig.local(env);
    }

    /**
     * Records the CA key on chain {@code ca} when it was created, or is first used by this data
     * (idempotent: a restart with the same key writes nothing). The sign function would record it on
     * its first signature anyway; recording it here makes {@code access audit verify} pass before one.
     */
    private static void registerCaKey(KmsClient kms, DynamoDbClient dynamoDb, TableNames tables, String caKeyId,
                                      Clock clock) {
        CaKeyRecords.CaKey key = new KmsCertificateAuthority(kms, caKeyId).describe();
        Optional<AuditRecord> written = new RegisterCaKey(new DynamoDbAuditLog(dynamoDb, tables, clock))
                .ensure(key, ROLES_ACTOR);
        LOG.info("CA key {} {} on chain ca", key.fingerprint(),
                written.map(r -> "recorded at seq " + r.seq()).orElse("already recorded"));
    }

    /** Applies the role file through the audited path, unless exactly this file is already in force. */
    private static void applyRoles(DynamoDbClient dynamoDb, TableNames tables, Settings settings) {
        RoleConfigStore store = new RoleConfigStore(dynamoDb, tables, settings.clock());
        String sha256 = RoleFile.sha256(settings.rolesYaml());
        Optional<RoleFileStore.StoredRoles> current = store.load();
        if (current.isPresent() && current.get().sha256().equals(sha256)) {
            LOG.info("role configuration version {} is current", current.get().version());
            return;
        }
        RoleFileStore.Applied applied = store.apply(settings.rolesYaml(), ROLES_ACTOR);
        LOG.info("applied role configuration version {} (roles {})", applied.version(), String.join(", ", applied.roleNames()));
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", resource.getClass().getSimpleName(), e.getClass().getName());
            }
        }
    }
}
