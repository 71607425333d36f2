package dev.airlock.local.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * TEST ONLY: runs {@code scripts/access} as a separate process, the way a person runs it from a shell,
 * with a controlled environment (no AIRLOCK_* or AWS_* variables leak in from the build's shell).
 * Waits are bounded by {@link #HANG_GUARD} only so that a hung CLI fails the test instead of the
 * build; no assertion depends on how long anything takes.
 */
final class AccessCli {

    /** How long a CLI process may run before the test gives up on it (a hang, not a timing check). */
    static final Duration HANG_GUARD = Duration.ofMinutes(3);

    private final Path script;
    private final Map<String, String> env;
    private final List<String> launcher;

    private AccessCli(Path script, Map<String, String> env, List<String> launcher) {
        this.script = script;
        this.env = Map.copyOf(env);
        this.launcher = List.copyOf(launcher);
    }

    /** A CLI with the build's PATH (the test JVM's java first, for audit verify) and the given HOME. */
    static AccessCli forHome(Path home) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("AIRLOCK_") && !name.startsWith("AWS_")) {
                env.put(name, value);
            }
        });
        String javaBin = ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
                .map(Path::toString).orElse("");
        env.put("PATH", javaBin.isEmpty() ? env.getOrDefault("PATH", "/usr/bin:/bin")
                : javaBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        return new AccessCli(repoRoot().resolve("scripts/access"), env, List.of());
    }

    /** The repository root: the build passes it; from an IDE, the first parent holding scripts/access. */
    static Path repoRoot() {
        String property = System.getProperty("airlock.repoRoot");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/access"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (scripts/access); set -Dairlock.repoRoot");
    }

    Path script() {
        return script;
    }

    /** The same CLI with one more environment variable (null removes it). */
    AccessCli with(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new AccessCli(script, copy, launcher);
    }

    /**
     * The same CLI started through {@code launcher} (e.g. {@code env --default-signal=INT}, so that
     * the shell can trap SIGINT even when the build runs with SIGINT ignored).
     */
    AccessCli launchedBy(String... command) {
        return new AccessCli(script, env, List.of(command));
    }

    /** Runs {@code access ARGS} to completion. */
    Result run(String... args) {
        return start(args).await();
    }

    /**
     * Starts {@code access ARGS} on a pseudo-terminal made by {@code script(1)}, as from an interactive
     * shell: stdout and stderr both arrive on the process's stdout, with the terminal's CR LF line ends.
     */
    Running startOnTerminal(String... args) {
        StringBuilder command = new StringBuilder(quote(script.toString()));
        for (String arg : args) {
            command.append(' ').append(quote(arg));
        }
        return launchedBy("script", "-qec", command.toString(), "/dev/null").startCommand(List.of());
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Starts {@code access ARGS} without waiting for it. */
    Running start(String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        return startCommand(command);
    }

    private Running startCommand(List<String> scriptAndArgs) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(scriptAndArgs);
        String args = String.join(" ", scriptAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return new Running(builder.start(), args);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** A finished run. */
    record Result(int exitCode, String stdout, String stderr) {

        List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** A started CLI process whose output is collected as it arrives. */
    static final class Running {

        private final Process process;
        private final String description;
        private final StringBuilder stdout = new StringBuilder();
        private final StringBuilder stderr = new StringBuilder();
        private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
        private final Thread stdoutReader;
        private final Thread stderrReader;

        Running(Process process, String description) {
            this.process = process;
            this.description = description;
            this.stdoutReader = reader(process.getInputStream(), stdout, stdoutLines);
            this.stderrReader = reader(process.getErrorStream(), stderr, null);
        }

        /** Copies the stream verbatim (a stray carriage return stays visible) and queues complete lines. */
        private static Thread reader(InputStream in, StringBuilder sink, BlockingQueue<String> lines) {
            Thread thread = new Thread(() -> {
                StringBuilder partial = new StringBuilder();
                char[] buffer = new char[4096];
                try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    int read;
                    while ((read = reader.read(buffer)) != -1) {
                        synchronized (sink) {
                            sink.append(buffer, 0, read);
                        }
                        if (lines != null) {
                            partial.append(buffer, 0, read);
                            int newline;
                            while ((newline = partial.indexOf("\n")) >= 0) {
                                lines.add(partial.substring(0, newline));
                                partial.delete(0, newline + 1);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process ended; what was read is kept
                }
                if (lines != null && partial.length() > 0) {
                    lines.add(partial.toString());
                }
            }, "access-output");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        long pid() {
            return process.pid();
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** Blocks until a stdout line matches (or the process ends without one: the test fails). */
        String awaitStdoutLine(Predicate<String> wanted) {
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    String line = stdoutLines.poll(200, TimeUnit.MILLISECONDS);
                    if (line != null && wanted.test(line)) {
                        return line;
                    }
                    if (line == null && !process.isAlive() && stdoutLines.isEmpty()) {
                        stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
                        Optional<String> late = drainMatching(wanted);
                        if (late.isPresent()) {
                            return late.get();
                        }
                        throw new AssertionError("access " + description + " ended without the expected line:\n" + await());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            process.destroyForcibly();
            throw new AssertionError("access " + description + " printed no expected line within " + HANG_GUARD);
        }

        private Optional<String> drainMatching(Predicate<String> wanted) {
            String line;
            while ((line = stdoutLines.poll()) != null) {
                if (wanted.test(line)) {
                    return Optional.of(line);
                }
            }
            return Optional.empty();
        }

        /** Blocks until stderr has a complete line matching {@code pattern}; that line's first group. */
        String awaitStderr(java.util.regex.Pattern pattern) {
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    boolean ended = !process.isAlive();
                    java.util.regex.Matcher matcher = pattern.matcher(text(stderr));
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                    if (ended) {
                        throw new AssertionError("access " + description + " ended without printing " + pattern
                                + " on stderr:\n" + await());
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            process.destroyForcibly();
            throw new AssertionError("access " + description + " did not print " + pattern + " within " + HANG_GUARD);
        }

        /** Blocks until the raw stdout contains {@code fragment} (or the process ends without it: the test fails). */
        String awaitOutput(String fragment) {
            long deadline = System.nanoTime() + HANG_GUARD.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    boolean ended = !process.isAlive();
                    if (ended) {
                        stdoutReader.join(TimeUnit.SECONDS.toMillis(10));
                    }
                    String output = text(stdout);
                    if (output.contains(fragment)) {
                        return output;
                    }
                    if (ended) {
                        throw new AssertionError("access " + description + " ended without printing '" + fragment
                                + "':\n" + await());
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            process.destroyForcibly();
            throw new AssertionError("access " + description + " did not print '" + fragment + "' within " + HANG_GUARD);
        }

        /** Sends a signal (e.g. "INT") the way Ctrl-C or kill would. */
        void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
                if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                    throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Waits for the process to end and returns its exit code and complete output. */
        Result await() {
            try {
                if (!process.waitFor(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("access " + description + " did not finish within " + HANG_GUARD
                            + "; output so far:\n" + text(stdout) + text(stderr));
                }
                stdoutReader.join(TimeUnit.SECONDS.toMillis(30));
                stderrReader.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            return new Result(process.exitValue(), text(stdout), text(stderr));
        }

        private static String text(StringBuilder sink) {
            synchronized (sink) {
                return sink.toString();
            }
        }
    }
}
