package dev.airlock.aws.notify;

import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.usecase.Delivery;
import dev.airlock.core.retry.RetryPolicy;
import dev.airlock.core.testing.InMemoryNotificationConfigStore;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.usecase.ApplyNotifications;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.Notify;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notify use case over real HTTP: a local receiver that verifies the HMAC, secrets from a 0600 file,
 * retries inside the batch, and no secret in any line the function logs.
 */
class NotifyOverHttpTest {

    static final String ROUTING = """
            targets:
              receiver:
                type: webhook
                url_secret: receiver-url
                signing_secret: receiver-key
            routes:
              - events: ["*"]
                targets: [receiver]
            """;

    @TempDir
    Path dir;

    private final Receiver receiver = new Receiver();
    private final String key = "test-only-" + Long.toHexString(System.nanoTime()) + "-hmac";
    private final String query = "test-only-query-" + Long.toHexString(System.nanoTime());
    private final TestAirlock t = TestAirlock.demo();
    private final InMemoryNotificationConfigStore configs = new InMemoryNotificationConfigStore(t.audit(), t.clock());
    private final List<String> log = new ArrayList<>();
    private final List<Long> pauses = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    NotifyOverHttpTest() throws IOException {
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Notify newNotify() throws IOException {
        Path secrets = dir.resolve("notify-secrets.json");
        Files.writeString(secrets, "{\"receiver-url\": \"" + receiver.url("/airlock?k=" + query)
                + "\", \"receiver-key\": \"" + key + "\"}");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        RetryPolicy policy = Delivery.POLICY.with(pauses::add, bound -> bound);
        HttpNotificationSender sender = new HttpNotificationSender(new FileNotifySecrets(secrets), t.clock());
        new ApplyNotifications(configs).apply(ROUTING, "admin");
        return new Notify(configs, t.store(), new Delivery(sender, policy, log::add), log::add, t.clock(),
                Notify.BATCH_BUDGET);
    }

    private List<StreamChange> newChanges() {
        return t.audit().all().stream().filter(r -> seen.add(r.chain() + "/" + r.seq()))
                .map(r -> new StreamChange(r.chain() + "/" + r.seq(), StreamChange.Event.INSERT, r.chain(), r.seq(),
                        Optional.of(StoredRecord.readable(r))))
                .toList();
    }

    private AccessRequest bobAsks() {
        return t.airlock().requestAccess().handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-16"),
                Optional.empty()).request();
    }

    private static JsonNode json(Receiver.Call call) {
        return JsonMapper.builder().build().readTree(call.body());
    }

    private boolean verifies(Receiver.Call call) {
        String[] parts = call.header("Airlock-Signature").split(",");
        String t0 = parts[0].substring(2);
        return parts[1].equals("v1=" + WebhookSignature.hmacHex(key, t0 + "." + call.body()))
                && Long.parseLong(t0) == t.clock().instant().getEpochSecond();
    }

    @Test
    void bobsRequest_andAlicesApproval_shouldEachMakeOneSignedCall() throws IOException {
        Notify notify = newNotify();
        newChanges();
        AccessRequest pending = bobAsks();

        assertThat(notify.consume(newChanges()).complete()).isTrue();
        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");
        assertThat(notify.consume(newChanges()).complete()).isTrue();

        List<Receiver.Call> calls = receiver.calls();
        assertThat(calls).hasSize(2).allMatch(this::verifies);
        assertThat(calls).extracting(c -> json(c).get("type").asString())
                .containsExactly("request.created", "request.approved");
        assertThat(json(calls.get(1)).get("audience").asString()).isEqualTo("requester");
        assertNoSecretLogged();
    }

    @Test
    void aReceiverAnswering500ThreeTimes_shouldGetTheEventOnceMore_withTheSameKey() throws IOException {
        Notify notify = newNotify();
        newChanges();
        AccessRequest pending = bobAsks();
        receiver.answer(500, 500, 500);

        StreamConsumer.Result result = notify.consume(newChanges());

        assertThat(result.complete()).isTrue();
        List<Receiver.Call> calls = receiver.calls();
        assertThat(calls).hasSize(4).allMatch(this::verifies);
        assertThat(calls).extracting(c -> json(c).get("idempotencyKey").toString()).containsOnly(
                "{\"chain\":\"request#" + pending.id() + "\",\"seq\":1}");
        assertThat(pauses).hasSize(3);
        assertNoSecretLogged();
    }

    @Test
    void aReceiverThatStaysDown_shouldLeaveTheChangeFailed_forTheEventSourceMapping() throws IOException {
        Notify notify = newNotify();
        newChanges();
        bobAsks();
        receiver.answer(503, 503, 503, 503, 503, 503);
        List<StreamChange> changes = newChanges();

        StreamConsumer.Result result = notify.consume(changes);

        assertThat(result.failedIds()).containsExactly(changes.get(0).id());
        assertThat(receiver.calls()).hasSize(Delivery.POLICY.maxAttempts());
        assertThat(log).anyMatch(l -> l.contains("gave up") && l.contains("'receiver'"));
        assertNoSecretLogged();
    }

    private void assertNoSecretLogged() {
        assertThat(log).isNotEmpty();
        String signature = receiver.calls().get(0).header("Airlock-Signature");
        for (String line : log) {
            assertThat(line).doesNotContain(key).doesNotContain(query).doesNotContain("127.0.0.1")
                    .doesNotContain(signature.substring(signature.indexOf("v1=") + 3));
        }
    }
}
