package dev.airlock.app.stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.wiring.FunctionFactory;
import dev.airlock.app.wiring.Ports;
import dev.airlock.aws.notify.FileNotifySecrets;
import dev.airlock.aws.notify.HttpNotificationSender;
import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationFile;
import dev.airlock.core.testing.InMemoryNotificationConfigStore;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.usecase.ApplyNotifications;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.domain.error.UnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The notify consumer as the app builds it: real HTTP delivery, logs captured, no secret in any of them. */
class NotifyFunctionTest {

    static final String ROUTING = """
            targets:
              hook: {type: webhook, url_secret: hook-url, signing_secret: hook-key}
            routes:
              - events: ["*"]
                targets: [hook]
            """;

    @TempDir
    Path dir;

    private final TestAirlock t = TestAirlock.demo();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final String key = "test-only-key-" + Long.toHexString(System.nanoTime());
    private final String query = "test-only-token-" + Long.toHexString(System.nanoTime());
    private final List<String> signatures = new ArrayList<>();
    private HttpServer server;
    private int status = 200;

    @BeforeEach
    void start() throws IOException {
        captured.start();
        root.addAppender(captured);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            signatures.add(exchange.getRequestHeaders().getFirst("Airlock-Signature"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        root.detachAppender(captured);
        server.stop(0);
    }

    private StreamConsumer notifier(NotificationConfigStore configs) throws IOException {
        Path secrets = dir.resolve("notify.json");
        Files.writeString(secrets, "{\"hook-url\": \"http://127.0.0.1:" + server.getAddress().getPort()
                + "/in?token=" + query + "\", \"hook-key\": \"" + key + "\"}");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Ports ports = Ports.withNotifications(Ports.of(t.store(), t.audit(), t.roles(), t.ca()), configs,
                new HttpNotificationSender(new FileNotifySecrets(secrets), t.clock()));
        return new FunctionFactory(AirlockConfig.local(Map.of()), t.clock(), ports).notifier();
    }

    private List<StreamChange> bobsRequest() {
        String id = t.airlock().requestAccess().handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-16"),
                Optional.empty()).request().id();
        return t.audit().read("request#" + id).stream()
                .map(r -> new StreamChange("s" + r.seq(), StreamChange.Event.INSERT, r.chain(), r.seq(),
                        Optional.of(StoredRecord.readable(r))))
                .toList();
    }

    @Test
    void consume_shouldDeliverSigned_andLogWithoutKeyQueryOrSignature() throws IOException {
        InMemoryNotificationConfigStore configs = new InMemoryNotificationConfigStore(t.audit(), t.clock());
        new ApplyNotifications(configs).apply(ROUTING, "admin");
        StreamConsumer notifier = notifier(configs);

        assertThat(notifier.consume(bobsRequest()).complete()).isTrue();
        status = 404;
        assertThat(notifier.consume(bobsRequest()).complete()).isFalse();

        assertThat(signatures).hasSize(2).allMatch(s -> s.startsWith("t="));
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.contains("delivered request.created"))
                .anyMatch(l -> l.contains("answered HTTP 404"));
        for (String line : lines) {
            assertThat(line).doesNotContain(key).doesNotContain(query).doesNotContain("/in?")
                    .doesNotContain(signatures.get(0).substring(signatures.get(0).indexOf("v1=") + 3));
        }
    }

    @Test
    void consume_shouldFailTheWholeBatch_whenTheRoutingCannotBeRead() throws IOException {
        NotificationConfigStore down = new NotificationConfigStore() {
            @Override
            public Optional<StoredNotifications> load() {
                throw new UnavailableException("dynamodb_unavailable", "DynamoDB is unavailable", java.time.Duration.ofSeconds(1), null);
            }

            @Override
            public Applied save(NotificationFile file, String actor) {
                throw new UnsupportedOperationException();
            }
        };
        List<StreamChange> changes = bobsRequest();

        StreamConsumer.Result result = notifier(down).consume(changes);

        assertThat(result.failedIds()).containsExactly(changes.stream().map(StreamChange::id).toArray(String[]::new));
        assertThat(signatures).isEmpty();
    }
}
