package dev.airlock.ssh.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an OpenSSH tool (ssh, ssh-keygen) to completion and captures its output. Test support: a
 * missing tool is an {@link AssertionError} naming the Debian package, so tests fail, never skip.
 */
public final class ExternalCommand {

    /** Guards against a hung child; not a performance assertion. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private ExternalCommand() {
    }

    /** Exit code and output of a finished command. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result requireSuccess(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed with exit code " + exitCode + ": " + stderr + stdout);
            }
            return this;
        }
    }

    /** Fails the test with an actionable message when {@code tool} is not installed. */
    public static Path requireExecutable(String tool, String debianPackage) {
        Path path = Path.of(tool);
        if (!Files.isExecutable(path)) {
            throw new AssertionError(tool + " is required by this test but is not installed; install the Debian "
                    + "package '" + debianPackage + "' (.ci/run does: apt-get install " + debianPackage + ")");
        }
        return path;
    }

    public static Result run(List<String> command) {
        return run(command, DEFAULT_TIMEOUT);
    }

    public static Result run(List<String> command, Duration timeout) {
        return run(command, Map.of(), timeout);
    }

    /** Runs with extra environment variables, e.g. {@code TZ=UTC} so ssh-keygen prints UTC times. */
    public static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        try {
            Path out = Files.createTempFile("airlock-cmd", ".out");
            Path err = Files.createTempFile("airlock-cmd", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command);
                builder.environment().putAll(environment);
                Process process = builder
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(command.get(0) + " did not finish within " + timeout);
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command.get(0), e);
        }
    }
}
