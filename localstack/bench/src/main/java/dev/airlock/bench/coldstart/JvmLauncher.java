package dev.airlock.bench.coldstart;

import dev.airlock.bench.coldstart.driver.InvokeOnce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM running {@link InvokeOnce} and reads what it reports. The clock starts just
 * before the process is spawned and stops when the child has written the handler's response, so the
 * figure covers everything a Lambda cold start does in the JVM: launch, class loading, the Spring
 * context, the AWS clients, and the first invocation with its backend calls.
 */
final class JvmLauncher {

    private static final long TIMEOUT_SECONDS = 300;

    private final Path java;

    JvmLauncher(Path java) {
        this.java = java;
    }

    /** What one cold start measured. */
    record Run(double wallMs, double jvmMs, double cpuMs, int classes, String response) {
    }

    /**
     * @param environment the whole environment of the child (nothing of the bench's is inherited)
     * @param log         receives the child's output
     * @throws IllegalStateException when the child fails or reports nothing
     */
    Run run(List<String> flags, String classPath, Map<String, String> environment, Path event, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, InvokeOnce.class.getName(), event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            long launched = System.currentTimeMillis();
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cold start did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return parse(output, launched, process.exitValue(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + java, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Run parse(String output, long launched, int exit, Path log) {
        String line = output.lines().filter(l -> l.startsWith(InvokeOnce.MARKER)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the cold-start JVM exited with " + exit
                        + " and no result; its output is in " + log + ":\n" + tail(output)));
        Map<String, String> fields = new java.util.HashMap<>();
        for (String token : line.substring(InvokeOnce.MARKER.length()).trim().split(" ")) {
            int eq = token.indexOf('=');
            fields.put(token.substring(0, eq), token.substring(eq + 1));
        }
        long responded = Long.parseLong(fields.get("respondedAt"));
        long jvmStart = Long.parseLong(fields.get("jvmStart"));
        String response = new String(Base64.getDecoder().decode(fields.get("response")), StandardCharsets.UTF_8);
        return new Run(responded - launched, responded - jvmStart, Double.parseDouble(fields.get("cpuMillis")),
                Integer.parseInt(fields.get("classes")), response);
    }

    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
