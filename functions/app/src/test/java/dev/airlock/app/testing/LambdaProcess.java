package dev.airlock.app.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * TEST ONLY: runs the Lambda package in a child JVM the way the Lambda Java runtime does — class path
 * {@code /var/task:/var/task/lib/*} from the unzipped package, a clean environment holding only what
 * Lambda and the CDK stack set — with {@link LambdaHarnessMain} as the runtime.
 */
public final class LambdaProcess {

    /** A guard against a hung child, not a performance assertion. */
    private static final long MAX_RUN_SECONDS = 180;

    private final Path taskRoot;
    private final Path harnessClasses;

    private LambdaProcess(Path taskRoot, Path harnessClasses) {
        this.taskRoot = taskRoot;
        this.harnessClasses = harnessClasses;
    }

    /** Unzips the package into {@code directory} (as Lambda unpacks it into /var/task). */
    public static LambdaProcess unpack(Path zip, Path directory) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IllegalStateException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path harness = Path.of(LambdaHarnessMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return new LambdaProcess(directory, harness);
    }

    /** Starts one "Lambda function" with {@code environment} and feeds it the events in order. */
    public Run run(Map<String, String> environment, List<Path> events) {
        String classPath = String.join(java.io.File.pathSeparator, taskRoot.toString(),
                taskRoot.resolve("lib").toString() + "/*", harnessClasses.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, LambdaHarnessMain.class.getName()));
        events.forEach(e -> command.add(e.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(MAX_RUN_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the Lambda harness did not finish");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the child printed: its whole console output (every log line) and the responses.
     *
     * @param exitCode the JVM's exit code
     * @param console  stdout and stderr, interleaved
     */
    public record Run(int exitCode, String console) {

        /** The raw response bytes, in invocation order. */
        public List<byte[]> responses() {
            return console.lines().filter(l -> l.startsWith(LambdaHarnessMain.MARKER))
                    .map(l -> Base64.getDecoder().decode(l.substring(LambdaHarnessMain.MARKER.length())))
                    .toList();
        }

        /** The console without the response lines: the log. */
        public String log() {
            return String.join("\n", console.lines().filter(l -> !l.startsWith(LambdaHarnessMain.MARKER)).toList());
        }
    }
}
