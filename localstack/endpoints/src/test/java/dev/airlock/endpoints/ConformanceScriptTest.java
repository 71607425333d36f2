package dev.airlock.endpoints;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/conformance}: clean under shellcheck, a working {@code --help}, and the failures
 * that need no build (bad usage exits 2, an endpoint that is down exits 3). Needs shellcheck and
 * curl (installed by {@code .ci/run}); a missing tool fails the test. Running the suite itself
 * against an endpoint is what the script is for; docs/ENDPOINTS.md shows it.
 */
class ConformanceScriptTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String SCRIPT = "scripts/conformance";
    private static final int TIMEOUT_SECONDS = 60;

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + List.of(command));
        }
        return new Result(process.exitValue(), output);
    }

    @Test
    void scriptIsCleanUnderShellcheck() throws Exception {
        Result result = run("shellcheck", SCRIPT);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void help_describesTheScript() throws Exception {
        Result result = run(SCRIPT, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).startsWith("Usage: " + SCRIPT + " --endpoint URL").contains("Exit status");
    }

    @Test
    void badUsage_exits2WithAHint() throws Exception {
        for (List<String> arguments : List.of(List.<String>of(), List.of("--frobnicate"), List.of("--endpoint"),
                List.of("--endpoint", "localhost:4566"), List.of("--endpoint", "http://x", "--emulator", "nope"),
                List.of("--embedded", "--endpoint", "http://x"))) {
            String[] command = new String[arguments.size() + 1];
            command[0] = SCRIPT;
            for (int i = 0; i < arguments.size(); i++) {
                command[i + 1] = arguments.get(i);
            }
            Result result = run(command);
            assertThat(result.exitCode()).as(arguments.toString()).isEqualTo(2);
            assertThat(result.output()).as(arguments.toString()).contains("Try 'scripts/conformance --help'.");
        }
    }

    @Test
    void anEndpointThatIsDown_exits3BeforeBuilding() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Result result = run(SCRIPT, "--endpoint", "http://127.0.0.1:" + closedPort);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("nothing answers at http://127.0.0.1:" + closedPort);
    }
}
