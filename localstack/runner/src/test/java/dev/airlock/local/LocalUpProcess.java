package dev.airlock.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TEST ONLY: {@code scripts/local-up} as a user runs it — a separate process on {@code port} with its own
 * {@code AIRLOCK_HOME}, stdout and stderr captured line by line, stopped with SIGTERM.
 */
final class LocalUpProcess implements AutoCloseable {

    static final Path REPO = Path.of(System.getProperty("airlock.repoRoot", "../..")).toAbsolutePath().normalize();
    /** Generous: the JVM, Spring and the endpoints start on a loaded 2-core machine. */
    static final long START_TIMEOUT_SECONDS = 300;
    /** Exit status of a JVM stopped by SIGTERM after its shutdown hooks ran. */
    static final int SIGTERM_EXIT = 143;

    final Process process;
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<String> ready = new CompletableFuture<>();
    final Thread reader;

    /** Starts {@code scripts/local-up --port port extraArgs...} with {@code home} as its AIRLOCK_HOME. */
    LocalUpProcess(Path home, int port, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("scripts/local-up").toString(),
                "--port", Integer.toString(port)));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(home.toFile());
        builder.environment().put("AIRLOCK_HOME", home.toString());
        builder.environment().put("AIRLOCK_NO_BUILD", "1");
        builder.environment().remove("AIRLOCK_PORT");
        process = builder.start();
        reader = new Thread(this::readOutput, "local-up-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith(LocalUp.READY_PREFIX)) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ready.complete(null);
        }
    }

    String awaitReady() throws Exception {
        String line = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(line).as("ready line; output so far:\n" + String.join("\n", output)).isNotNull();
        return line;
    }

    int terminate() throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close our end of its output pipe.
        assertThat(process.toHandle().destroy()).isTrue();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("stops after SIGTERM").isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(30)); // the last lines may still be in the pipe
        return process.exitValue();
    }

    String allOutput() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
