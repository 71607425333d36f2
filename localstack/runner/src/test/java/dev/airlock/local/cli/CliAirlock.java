package dev.airlock.local.cli;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Trigger;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.LocalAirlock;
import dev.airlock.local.LocalEnvFile;
import dev.airlock.local.LocalTriggers;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import dev.airlock.app.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * TEST ONLY: one local Airlock for all CLI tests, started in-process as the runner's own ITs start it
 * (in-memory endpoints, fresh issuer key, free port, the demo roles and users packaged in the jar),
 * with an {@code AIRLOCK_HOME} holding the {@code local.env} that {@code scripts/local-up} would
 * write, so the CLI finds endpoint and tables the way it does for a person. Tests get it as a
 * parameter through {@link Shared}; it stops when the test run ends.
 */
final class CliAirlock implements AutoCloseable {

    /** Where the runner's jar carries the demo configuration (LocalUp.BUILT_IN_CONFIG). */
    private static final String BUILT_IN_CONFIG = "/airlock-local-config/";
    /** Poll fast while waiting for a decision; the CLI's backoff is for people. */
    static final String POLL_INTERVAL = "0.2";

    private final LocalAirlock airlock;
    private final LocalTriggers streams;
    private final Path home;

    private CliAirlock(LocalAirlock airlock, LocalTriggers streams, Path home) {
        this.airlock = airlock;
        this.streams = streams;
        this.home = home;
    }

    /** As {@code scripts/local-up} runs it, stream functions included (the checkpoint function anchors). */
    static CliAirlock start() {
        return start(Map.of());
    }

    /** With further configuration variables, e.g. another checkpoint interval. */
    static CliAirlock start(Map<String, String> environment) {
        try {
            Path home = Files.createTempDirectory("airlock-cli-home");
            LocalAirlock.Settings memory = LocalAirlock.Settings.inMemory(builtIn("roles.yaml"),
                    DemoUsers.parse(builtIn(DemoUsers.FILE_NAME)), Clock.systemUTC());
            LocalAirlock airlock = LocalAirlock.start(new LocalAirlock.Settings(memory.port(), memory.awsEndpoint(),
                    memory.dataDirectory(), memory.issuerKeyFile(), memory.caKeySpec(), memory.requiredCaSpec(),
                    memory.rolesYaml(), memory.demoUsers(), environment, memory.clock()));
            LocalTriggers streams = LocalTriggers.start(Catalogue.ofKind(Trigger.Kind.TABLE_STREAM),
                    airlock.functions(), Clock.systemUTC(), airlock.config().region(), Optional.of(airlock.streams()));
            LocalEnvFile.write(home.resolve(LocalEnvFile.FILE_NAME), LocalEnvFile.variables(airlock, null));
            return new CliAirlock(airlock, streams, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The functions' configuration (tables, checkpoint settings). */
    dev.airlock.app.config.AirlockConfig config() {
        return airlock.config();
    }

    private static String builtIn(String name) throws IOException {
        try (InputStream in = CliAirlock.class.getResourceAsStream(BUILT_IN_CONFIG + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path (" + BUILT_IN_CONFIG + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    URI url() {
        return airlock.url();
    }

    /** The AIRLOCK_HOME with local.env. */
    Path home() {
        return home;
    }

    DynamoDbClient dynamoDb() {
        return airlock.dynamoDb();
    }

    /** The CA key's id (the alias) the functions and local.env name. */
    String caKeyId() {
        return airlock.config().caKeyId();
    }

    /** Clients on the local endpoints (the caller closes them). */
    AwsClients awsClients() {
        return new AwsClients(airlock.config());
    }

    String requestsTable() {
        return airlock.config().requestsTable();
    }

    String auditTable() {
        return airlock.config().auditTable();
    }

    /** The CLI for a person whose home directory is {@code userHome}, pointed at this Airlock. */
    AccessCli cli(Path userHome) {
        return AccessCli.forHome(userHome)
                .with("AIRLOCK_URL", url().toString())
                .with("AIRLOCK_HOME", home.toString())
                .with("AIRLOCK_POLL_INTERVAL", POLL_INTERVAL);
    }

    @Override
    public void close() {
        streams.close();
        airlock.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }

    /** Injects the one shared {@link CliAirlock}, started on first use and closed with the test run. */
    static final class Shared implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CliAirlock.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CliAirlock.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .computeIfAbsent(CliAirlock.class, type -> CliAirlock.start(), CliAirlock.class);
        }
    }
}
