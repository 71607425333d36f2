package dev.airlock.local;

import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/local-up} as a user runs it: a separate process on a free port with its own
 * {@code AIRLOCK_HOME}, driven with plain HTTP only, stopped with SIGTERM. It must print the ready
 * line once, write {@code local.env}, serve the Teleport scenario, stop in order, and keep its data
 * and issuer key so a restart serves the same request to the same token.
 */
class LocalUpProcessIT {

    private static final Path REPO = LocalUpProcess.REPO;
    private static final int SIGTERM_EXIT = LocalUpProcess.SIGTERM_EXIT;

    @Test
    void localUp_servesTheScenario_stopsCleanlyOnSigterm_andKeepsItsStateAcrossARestart(@TempDir Path home)
            throws Exception {
        int port = LocalUpProcess.freePort();
        String url = "http://127.0.0.1:" + port;
        String requestId;
        String serial;
        String bob;
        List<String> tokens = new ArrayList<>();

        try (LocalUpProcess first = new LocalUpProcess(home, port)) {
            assertThat(first.awaitReady()).isEqualTo("Airlock is ready at " + url);
            Api api = new Api(URI.create(url));
            bob = api.token("bob");
            String alice = api.token("alice");
            tokens.addAll(List.of(bob, alice));

            requestId = api.createRequest(bob, List.of("dba"), "INC-4211: slow queries");
            assertThat(api.review(alice, requestId, "APPROVE", "ok").json().path("state").asString())
                    .isEqualTo("APPROVED");
            SshKeygen.GeneratedKey key = SshKeygen.generate(Files.createDirectories(home.resolve("keys")), "bob",
                    "ed25519", 0);
            Api.Reply signed = api.sign(bob, Files.readString(key.publicKeyFile()).trim(), requestId);
            assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
            serial = signed.json().path("serial").asString();
            Path certificate = home.resolve("keys/bob-cert.pub");
            Files.writeString(certificate, signed.json().path("certificate").asString() + "\n");
            SshPublicKey ca = SshPublicKey.parse(api.get("/ca", bob).body().trim());
            try (SshdFixture sshd = SshdFixture.start(List.of(ca), List.of("dba"))) {
                SshdFixture.LoginResult login = sshd.login(key.privateKey(), certificate, "echo airlock-ok");
                assertThat(login.exitCode()).as(login.stderr()).isZero();
            }

            assertLocalEnv(home.resolve("local.env"), url);

            assertThat(first.terminate()).as(first.allOutput()).isEqualTo(SIGTERM_EXIT);
            assertThat(first.output).containsOnlyOnce("Airlock is ready at " + url).contains(LocalUp.STOPPED_LINE);
            assertThat(first.output).contains(LocalUp.CONSOLE_PREFIX + url + "/ (sign in as alice to review bob's requests)");
            assertThat(first.output).contains("Audit anchoring is on: a checkpoint every PT5S, signed with "
                    + "alias/airlock-audit, locked in s3://airlock-local-checkpoints/checkpoints/ (Object Lock "
                    + "COMPLIANCE, 1 day(s)); `access audit verify` checks against it.");
            assertThat(first.allOutput()).contains("checkpoint 1 anchored");
            assertNoSecrets(first.allOutput(), tokens, home);
        }

        assertThat(home.resolve("data/dynamodb")).isDirectory();
        assertThat(home.resolve("streams/checkpoint.position")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("dev-issuer-key.json"))))
                .isEqualTo("rw-------");

        try (LocalUpProcess second = new LocalUpProcess(home, port)) {
            assertThat(second.awaitReady()).isEqualTo("Airlock is ready at " + url);
            Api api = new Api(URI.create(url));

            // bob's token from before the restart still verifies, and his request is still there
            Api.Reply again = api.get("/requests/" + requestId, bob);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            JsonNode request = again.json();
            assertThat(request.path("state").asString()).isEqualTo("APPROVED");
            assertThat(request.path("certificateSerials").toString()).contains(serial);

            assertThat(second.terminate()).isEqualTo(SIGTERM_EXIT);
            assertThat(second.allOutput()).contains("role configuration version 1 is current")
                    .doesNotContain("CA key alias/airlock-ca (ECC_NIST_P256, created)")
                    // resumed after its saved position: no record seen twice, so no false tamper alarm
                    .doesNotContain("tampering changes").doesNotContain("enabled the stream");
            assertNoSecrets(second.allOutput(), tokens, home);
        }
    }

    @Test
    void localUp_refusesBadArgumentsWithUsageHelp() throws Exception {
        Process process = new ProcessBuilder("bash", REPO.resolve("scripts/local-up").toString(), "--port")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port needs a value").contains("--help");
    }

    private static void assertLocalEnv(Path file, String url) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c",
                ". \"$1\" && printf '%s|%s|%s|%s' \"$AIRLOCK_URL\" \"$AIRLOCK_DEV_ISSUER\" \"$AWS_ENDPOINT_URL\" "
                        + "\"$AIRLOCK_AUDIT_TABLE\"", "sh", file.toString()).redirectErrorStream(true).start();
        String values = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String[] parts = values.split("\\|", -1);
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo(url);
        assertThat(parts[1]).isEqualTo(url + "/dev");
        assertThat(parts[2]).startsWith("http://127.0.0.1:");
        assertThat(parts[3]).isNotBlank();
    }

    private static void assertNoSecrets(String output, List<String> tokens, Path home) throws IOException {
        for (String token : tokens) {
            assertThat(output).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
        }
        JsonNode key = Api.JSON.readTree(Files.readString(home.resolve("dev-issuer-key.json")));
        assertThat(key.path("d").asString()).isNotBlank();
        assertThat(output).doesNotContain(key.path("d").asString()).doesNotContain("PRIVATE KEY");
    }
}
