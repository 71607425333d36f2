package dev.airlock.local.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** TEST ONLY: the real {@code jq}, so the CLI's --json output is checked the way scripts consume it. */
final class Jq {

    private Jq() {
    }

    /** {@code jq -r FILTER} over {@code json}; fails the test when jq rejects the input or the filter. */
    static String eval(String json, String filter) {
        Run run = run(json, List.of("jq", "-r", filter));
        if (run.exitCode != 0) {
            throw new AssertionError("jq '" + filter + "' failed (" + run.exitCode + "): " + run.stderr + "\ninput:\n" + json);
        }
        return run.stdout.strip();
    }

    /** {@code jq -e FILTER}: whether the last output is neither false nor null; fails on invalid JSON. */
    static boolean test(String json, String filter) {
        Run run = run(json, List.of("jq", "-e", filter));
        if (run.exitCode > 1) {
            throw new AssertionError("jq -e '" + filter + "' failed (" + run.exitCode + "): " + run.stderr + "\ninput:\n" + json);
        }
        return run.exitCode == 0;
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(String input, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("jq did not finish");
            }
            return new Run(process.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jq (install it: apt-get install jq)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
