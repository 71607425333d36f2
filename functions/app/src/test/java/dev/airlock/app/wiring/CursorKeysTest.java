package dev.airlock.app.wiring;

import com.sun.net.httpserver.HttpServer;
import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.config.CursorKey;
import dev.airlock.app.config.InvalidConfigException;
import dev.airlock.core.config.EnvironmentNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deployed cursor key is read once at start-up from Secrets Manager: against a stub speaking the
 * service's JSON protocol ({@code X-Amz-Target: secretsmanager.GetSecretValue}).
 */
class CursorKeysTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:airlock-cursor-AbCdEf";
    private static final byte[] KEY = "a test-only cursor key of 48 bytes, not secret!!".getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private final List<String> targets = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AirlockConfig config(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put(EnvironmentNames.ENDPOINT_URL, "http://127.0.0.1:" + server.getAddress().getPort());
        return AirlockConfig.local(env);
    }

    private static java.util.Optional<CursorKey> resolve(AirlockConfig config) {
        try (AwsClients clients = new AwsClients(config)) {
            return CursorKeys.resolve(config, clients::secretsManager);
        }
    }

    @Test
    void resolve_withASecretArn_shouldReadTheKeyOnceFromSecretsManager() {
        answer = "{\"ARN\":\"" + ARN + "\",\"Name\":\"airlock-cursor\",\"SecretString\":\""
                + Base64.getEncoder().encodeToString(KEY) + "\"}";

        CursorKey key = resolve(config(Map.of(EnvironmentNames.CURSOR_KEY_SECRET_ARN, ARN))).orElseThrow();

        assertThat(key.bytes()).isEqualTo(KEY);
        assertThat(targets).containsExactly("secretsmanager.GetSecretValue");
        assertThat(bodies.get(0)).contains("\"SecretId\":\"" + ARN + "\"");
    }

    @Test
    void resolve_withAMissingSecret_shouldFailNamingTheSecretAndTheError() {
        status = 400;
        answer = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}";

        assertThatThrownBy(() -> resolve(config(Map.of(EnvironmentNames.CURSOR_KEY_SECRET_ARN, ARN))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ARN).hasMessageContaining("ResourceNotFoundException");
    }

    @Test
    void resolve_withASecretThatIsNoKey_shouldFailWithoutEchoingIt() {
        answer = "{\"ARN\":\"" + ARN + "\",\"SecretString\":\"c2hvcnQ=\"}";

        assertThatThrownBy(() -> resolve(config(Map.of(EnvironmentNames.CURSOR_KEY_SECRET_ARN, ARN))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(EnvironmentNames.CURSOR_KEY_SECRET_ARN).hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void resolve_withALocalKey_shouldNotCallSecretsManager() {
        String local = Base64.getEncoder().encodeToString(KEY);

        assertThat(resolve(config(Map.of(EnvironmentNames.CURSOR_KEY, local))).orElseThrow().bytes()).isEqualTo(KEY);
        assertThat(targets).isEmpty();
    }
}
