package dev.airlock.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalEnvFileTest {

    @Test
    void write_shouldProduceAFileTheShellSourcesToTheSameValues(@TempDir Path home) throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("AIRLOCK_URL", "http://127.0.0.1:8080");
        vars.put("AIRLOCK_TRICKY", "it's $HOME `x` \"q\" \\ ; echo no");
        Path file = home.resolve("local.env");

        LocalEnvFile.write(file, vars);

        Process shell = new ProcessBuilder("sh", "-c", ". \"$1\"; printf '%s\\n%s' \"$AIRLOCK_URL\" \"$AIRLOCK_TRICKY\"",
                "sh", file.toString()).redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(shell.exitValue()).isZero();
        assertThat(output).isEqualTo("http://127.0.0.1:8080\nit's $HOME `x` \"q\" \\ ; echo no");
    }
}
