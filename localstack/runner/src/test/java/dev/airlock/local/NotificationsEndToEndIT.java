package dev.airlock.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #16's "Done when" for notifications, end to end: {@code scripts/local-up --webhook URL
 * --webhook-secret-file F} as a real process, the HTTP API driven over plain HTTP, and a receiver on
 * 127.0.0.1 ({@link WebhookReceiver}) that verifies every call's {@code Airlock-Signature} with the key
 * from F and the secret {@code token} in the URL's query. Bob's request reaches it once, alice's
 * approval once for bob, an event the receiver answers 500 three times arrives exactly once more (same
 * idempotency key) and is not repeated, and afterwards no key, token or signature is in local-up's
 * output or in any file under its AIRLOCK_HOME but the secrets file itself.
 */
class NotificationsEndToEndIT {

    /** Bounds each wait for a delivery; delivery is usually well under a second after the change. */
    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(20);
    /** How long nothing more may arrive after an event was accepted (covers a full retry backoff). */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    @Test
    void webhookGetsEachEventSignedOnce_retriesWithTheSameKey_andNoSecretIsLeftBehind(
            @TempDir Path home, @TempDir Path secretDir) throws Exception {
        String key = randomHex(32);
        String token = randomHex(16);
        Path keyFile = secretDir.resolve("webhook.key");
        Files.writeString(keyFile, key + "\n");
        int port = LocalUpProcess.freePort();

        try (WebhookReceiver receiver = WebhookReceiver.start(key, token);
             LocalUpProcess localUp = new LocalUpProcess(home, port, "--webhook", receiver.url().toString(),
                     "--webhook-secret-file", keyFile.toString())) {
            localUp.awaitReady();
            Api api = new Api(URI.create("http://127.0.0.1:" + port));
            String bob = api.token("bob");
            String alice = api.token("alice");

            String first = api.createRequest(bob, List.of("dba"), "INC-16: slow queries");
            WebhookReceiver.Call created = awaitCalls(receiver, forRequest(first), 1).get(0);
            assertCreated(created, first, "dba", "INC-16: slow queries");

            assertThat(api.review(alice, first, "APPROVE", "ok").status()).isEqualTo(200);
            WebhookReceiver.Call approved = awaitCalls(receiver, forRequest(first), 2).get(1);
            assertApproved(approved, first);

            receiver.answerNext(500, 500, 500);
            String second = api.createRequest(bob, List.of("cluster-a"), "INC-17: deploy");
            List<WebhookReceiver.Call> retried = awaitCalls(receiver, forRequest(second), 4);
            assertThat(retried).allSatisfy(call -> assertCreated(call, second, "cluster-a", "INC-17: deploy"));
            assertThat(retried).extracting(WebhookReceiver.Call::idempotencyKey).containsOnly("request#" + second + "#1");
            assertThat(retried).extracting(WebhookReceiver.Call::answered).containsExactly(500, 500, 500, 200);

            assertNothingMoreArrives(receiver, 6);
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::idempotencyKey)
                    .containsExactly(created.idempotencyKey(), approved.idempotencyKey(),
                            retried.get(0).idempotencyKey(), retried.get(0).idempotencyKey(),
                            retried.get(0).idempotencyKey(), retried.get(0).idempotencyKey());

            assertThat(localUp.terminate()).isEqualTo(LocalUpProcess.SIGTERM_EXIT);
            String output = localUp.allOutput();
            assertThat(output).as("the capture holds notify's delivery log")
                    .contains("notify: delivered").contains("failed: ");
            List<String> secrets = new ArrayList<>(List.of(key, token));
            receiver.calls().forEach(call -> secrets.add(call.signature()));
            assertNoSecretIn("local-up's output", output.getBytes(StandardCharsets.UTF_8), secrets);
            assertNoSecretInFiles(home, secrets);
        }
    }

    private static void assertCreated(WebhookReceiver.Call call, String id, String role, String reason) {
        assertAuthentic(call);
        JsonNode event = call.json();
        assertThat(event.path("schema").asInt()).isEqualTo(1);
        assertThat(event.path("type").asString()).isEqualTo("request.created");
        assertThat(event.path("audience").asString()).isEqualTo("reviewers");
        assertThat(event.path("id").asString()).isEqualTo(id);
        assertThat(event.path("user").asString()).isEqualTo("bob");
        assertThat(event.path("roles").toString()).isEqualTo("[\"" + role + "\"]");
        assertThat(event.path("reason").asString()).isEqualTo(reason);
        assertThat(event.path("state").asString()).isEqualTo("PENDING");
        assertThat(event.path("actor").asString()).isEqualTo("bob");
        assertThat(event.path("times").path("occurredAt").asString()).isNotBlank();
        assertThat(event.path("review").asString()).isEqualTo("access request approve " + id);
        assertThat(event.path("idempotencyKey").path("chain").asString()).isEqualTo("request#" + id);
        assertThat(event.path("idempotencyKey").path("seq").asLong()).isEqualTo(1);
    }

    private static void assertApproved(WebhookReceiver.Call call, String id) {
        assertAuthentic(call);
        JsonNode event = call.json();
        assertThat(event.path("type").asString()).isEqualTo("request.approved");
        assertThat(event.path("audience").asString()).isEqualTo("requester");
        assertThat(event.path("user").asString()).isEqualTo("bob");
        assertThat(event.path("actor").asString()).isEqualTo("alice");
        assertThat(event.path("comment").asString()).isEqualTo("ok");
        assertThat(event.path("state").asString()).isEqualTo("APPROVED");
        assertThat(event.path("review").asString()).isEqualTo("access request show " + id);
        assertThat(event.path("idempotencyKey").path("chain").asString()).isEqualTo("request#" + id);
        assertThat(event.path("idempotencyKey").path("seq").asLong()).isGreaterThan(1);
    }

    private static void assertAuthentic(WebhookReceiver.Call call) {
        assertThat(call.tokenMatches()).as("the URL's token query arrived").isTrue();
        assertThat(call.signatureValid()).as("Airlock-Signature verifies: %s", call.signatureHeader()).isTrue();
    }

    private static Predicate<WebhookReceiver.Call> forRequest(String id) {
        return call -> call.requestId().equals(id);
    }

    /** Polls until exactly {@code count} calls match, failing at the bound or when more than that arrive. */
    private static List<WebhookReceiver.Call> awaitCalls(WebhookReceiver receiver, Predicate<WebhookReceiver.Call> which,
                                                         int count) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_BOUND.toNanos();
        List<WebhookReceiver.Call> matching = List.of();
        while (System.nanoTime() < deadline) {
            matching = receiver.calls().stream().filter(which).toList();
            if (matching.size() >= count) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(matching).as("calls within %s: %s", DELIVERY_BOUND, receiver.calls()).hasSize(count);
        return matching;
    }

    /** Polls for {@link #SETTLE}: the receiver must hold exactly {@code total} calls all along. */
    private static void assertNothingMoreArrives(WebhookReceiver receiver, int total) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        do {
            assertThat(receiver.calls()).as("no duplicate after acceptance").hasSize(total);
            Thread.sleep(100);
        } while (System.nanoTime() < end);
    }

    private static void assertNoSecretInFiles(Path home, List<String> secrets) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(LocalNotifications.SECRETS_FILE)).toList();
        }
        assertThat(files).as("AIRLOCK_HOME holds data").isNotEmpty();
        for (Path file : files) {
            assertNoSecretIn(home.relativize(file).toString(), Files.readAllBytes(file), secrets);
        }
    }

    private static void assertNoSecretIn(String where, byte[] content, List<String> secrets) {
        String text = new String(content, StandardCharsets.ISO_8859_1); // byte for byte, binary files too
        for (String secret : secrets) {
            assertThat(secret).isNotBlank();
            assertThat(text.contains(secret)).as("%s holds a secret of %d characters", where, secret.length()).isFalse();
        }
        assertThat(text.contains("v1=")).as("%s holds a signature", where).isFalse();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
