package dev.airlock.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** LocalUp's exits before anything starts: help, usage errors, a home already in use. */
class LocalUpTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return LocalUp.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_printsUsageAndExitsZero() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: local-up").contains("--aws-endpoint");
    }

    @Test
    void badUsage_exitsTwoNamingTheProblem() {
        assertThat(run(Map.of("AIRLOCK_CA_KEY_SPEC", "DSA"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("AIRLOCK_CA_KEY_SPEC must be one of").contains("--help");
    }

    @Test
    void aHomeInUse_isRefusedBeforeAnythingStarts(@TempDir Path home) throws Exception {
        try (FileChannel channel = FileChannel.open(home.resolve("local-up.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThat(held.isValid()).isTrue();

            int code = run(Map.of("AIRLOCK_HOME", home.toString()), "--port", "0");

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("another local-up is already using " + home);
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(LocalUp.READY_PREFIX);
        }
    }
}
