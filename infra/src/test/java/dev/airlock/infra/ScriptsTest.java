package dev.airlock.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two deployment scripts: clean under shellcheck, a working {@code --help}, and the failure
 * modes that need no build (an emulator that is down, a bad argument). Needs {@code shellcheck} and
 * {@code curl} (installed by {@code .ci/run}); a missing tool fails the test.
 */
class ScriptsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final int TIMEOUT_SECONDS = 60;

    @ParameterizedTest
    @ValueSource(strings = {"scripts/synth", "scripts/deploy-localstack"})
    void scriptIsCleanUnderShellcheck(String script) throws Exception {
        Result result = run(Map.of(), "shellcheck", script);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scripts/synth", "scripts/deploy-localstack"})
    void helpDescribesTheScript(String script) throws Exception {
        Result result = run(Map.of(), script, "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).startsWith("Usage: " + script);
    }

    @Test
    void deployToAnEndpointThatIsDownFailsWithOneErrorLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Result result = run(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort), "scripts/deploy-localstack");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output().strip().lines().toList()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("deploy-localstack: error: no AWS emulator answers at http://127.0.0.1:" + closedPort)
                .contains("docker compose -f localstack/docker-compose.yml"));
    }

    @Test
    void unknownArgumentsAreRejected() throws Exception {
        Result synth = run(Map.of(), "scripts/synth", "--frobnicate");
        assertThat(synth.exitCode()).isNotZero();
        assertThat(synth.output()).contains("unknown argument --frobnicate");
        Result deploy = run(Map.of(), "scripts/deploy-localstack", "--issuer");
        assertThat(deploy.exitCode()).isNotZero();
        assertThat(deploy.output()).contains("--issuer needs a value");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + line);
        }
        return new Result(process.exitValue(), output);
    }
}
