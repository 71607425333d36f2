package dev.airlock.infra.local;

import com.nimbusds.jose.JOSEException;
import dev.airlock.infra.AirlockStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on a real emulator: starts LocalStack (with {@code LOCALSTACK_AUTH_TOKEN}) or Floci,
 * deploys the synthesized stack exactly as {@code scripts/deploy-localstack} does, and drives the
 * HTTP API through the emulator's JWT authorizer with tokens from an issuer on the host.
 *
 * <p>Disabled, with the reason in the test report, where no container engine is available or the
 * Lambda package has not been built (see {@link RequiresEmulatorPrerequisites}).
 */
@ExtendWith(RequiresEmulatorPrerequisites.class)
class EmulatorDeployIT {

    private static final int EDGE_PORT = 4566;
    private static final String AUDIENCE = "airlock-it";
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    /** Gateway answers while a cold Lambda container is still starting. */
    private static final Set<Integer> RETRYABLE = Set.of(502, 503, 504);
    private static final int ATTEMPTS = 5;

    private static GenericContainer<?> emulator;
    private static TestIssuer issuer;
    private static String apiId;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void deploy(@TempDir Path workDir) throws Exception {
        Path zip = RequiresEmulatorPrerequisites.lambdaZip();
        Emulator choice = Emulator.choose(System.getenv());
        issuer = new TestIssuer();
        Testcontainers.exposeHostPorts(issuer.port());
        issuer.start("http://host.testcontainers.internal:" + issuer.port());
        emulator = start(choice);

        LocalDeployment deployment = new LocalDeployment(
                URI.create("http://" + emulator.getHost() + ":" + emulator.getMappedPort(EDGE_PORT)),
                LocalDeployment.DEFAULT_REGION, "AirlockIT", zip, LocalDeployment.DEFAULT_BUCKET,
                issuer.issuer(), AUDIENCE, Map.of());
        Map<String, String> outputs = new LocalDeployer(deployment).deploy(workDir);
        apiId = outputs.get(AirlockStack.API_ID_OUTPUT);
        assertThat(apiId).as("stack output " + AirlockStack.API_ID_OUTPUT).isNotBlank();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.stop();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void requestWithoutTokenIsRejectedByTheAuthorizer() throws Exception {
        assertThat(call("GET", "/requests", null).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRejected() throws Exception {
        String forged = issuer.token(TestIssuer.newKey(), "mallory", List.of("dev"), AUDIENCE);
        assertThat(call("GET", "/requests", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void caPublicKeyIsServedFromKms() throws Exception {
        HttpResponse<String> response = call("GET", "/ca", token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // default key spec ECC_NIST_P256 → an ecdsa-sha2-nistp256 CA key in authorized_keys form
        assertThat(response.body()).contains("ecdsa-sha2-nistp256 AAAA");
    }

    @Test
    void authenticatedUserCanListRequests() throws Exception {
        HttpResponse<String> response = call("GET", "/requests", token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String token() throws JOSEException {
        return issuer.token("alice", List.of("dev"), AUDIENCE);
    }

    private static GenericContainer<?> start(Emulator choice) {
        String socket = DockerClientFactory.instance().getRemoteDockerUnixSocketPath();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(choice.image))
                .withExposedPorts(EDGE_PORT)
                // Lambda functions run as sibling containers: both emulators need the engine's socket.
                .withFileSystemBind(socket, "/var/run/docker.sock", BindMode.READ_WRITE)
                .waitingFor(Wait.forHttp("/_localstack/health").forPort(EDGE_PORT).forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        if (choice == Emulator.LOCALSTACK) {
            container.withEnv(Emulator.LOCALSTACK_TOKEN, Emulator.token(System.getenv()).orElseThrow());
        } else {
            container.withCreateContainerCmdModifier(cmd -> cmd.withUser("root"));
        }
        container.start();
        return container;
    }

    /** Calls the API by the emulator's virtual host for it, on the mapped edge port. */
    private static HttpResponse<String> call(String method, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + emulator.getHost() + ":" + emulator.getMappedPort(EDGE_PORT) + path))
                .header("Host", LocalDeployment.apiHost(apiId))
                .timeout(CALL_TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!RETRYABLE.contains(response.statusCode())) {
                return response;
            }
            Thread.sleep(Duration.ofSeconds(5).toMillis());
        }
        return response;
    }
}
