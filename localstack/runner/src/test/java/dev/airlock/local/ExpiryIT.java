package dev.airlock.local;

import dev.airlock.core.api.Routes;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry with a clock the test moves (the functions, the issuer and the gateway all read it): pending
 * and approved requests expire; reads and signing judge expiry themselves before any sweep; the sweep,
 * invoked like EventBridge invokes the expire function, records each expiry exactly once even when it
 * runs twice, and leaves requests that are not due alone.
 */
class ExpiryIT {

    private static final MutableClock CLOCK = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static LocalAirlockFixture local;
    private static Api api;

    @BeforeAll
    static void start() {
        local = LocalAirlockFixture.start(CLOCK);
        api = local.api();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static String create(Map<String, Object> body) {
        Api.Reply reply = api.postJson("/requests", api.token("bob"), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    private static String state(String id) {
        return api.get("/requests/" + id, api.token("bob")).json().path("state").asString();
    }

    private static JsonNode sweep() {
        return Api.JSON.readTree(new ScheduledInvoker(local.airlock().functions(), Routes.EXPIRE, CLOCK,
                local.airlock().config().region()).runOnce());
    }

    @Test
    void pendingAndApprovedRequestsExpire_signingIsRefusedBeforeTheSweep_andTheSweepRecordsEachOnce(@TempDir Path keys)
            throws Exception {
        String publicKey = Files.readString(SshKeygen.generate(keys, "bob", "ed25519", 0).publicKeyFile()).trim();
        String pending = create(Map.of("roles", List.of("dba"), "reason", "INC-5", "pendingTtl", "30m"));
        String approved = create(Map.of("roles", List.of("dba"), "reason", "INC-6", "accessDuration", "2h"));
        String later = create(Map.of("roles", List.of("cluster-a"), "reason", "INC-7", "pendingTtl", "24h"));
        assertThat(api.review(api.token("alice"), approved, "APPROVE", "ok").json().path("state").asString())
                .isEqualTo("APPROVED");
        assertThat(api.sign(api.token("bob"), publicKey, approved).status()).as("control: signable now").isEqualTo(201);

        // 31 minutes on: the pending request reads as EXPIRED, though no sweep has run
        CLOCK.advance(Duration.ofMinutes(31));
        assertThat(state(pending)).isEqualTo("EXPIRED");
        assertThat(state(approved)).isEqualTo("APPROVED");
        assertThat(local.audit().countWhere("action", "request.expired")).isZero();

        // past the 2h access window: reads EXPIRED and signing is refused, still before any sweep
        CLOCK.advance(Duration.ofHours(2));
        assertThat(state(approved)).isEqualTo("EXPIRED");
        TableSnapshot auditBefore = local.audit();
        Api.Reply refused = api.sign(api.token("bob"), publicKey, approved);
        assertThat(refused.isProblem(409)).as(refused.toString()).isTrue();
        assertThat(local.audit()).isEqualTo(auditBefore);

        // the sweep records both expiries, once
        JsonNode first = sweep();
        assertThat(first.path("expired").asInt()).as(first.toString()).isEqualTo(2);
        JsonNode second = sweep();
        assertThat(second.path("expired").asInt()).as(second.toString()).isZero();

        TableSnapshot audit = local.audit();
        assertThat(audit.countWhere("action", "request.expired")).isEqualTo(2);
        assertThat(audit.items()).filteredOn(item -> item.contains("request.expired"))
                .anySatisfy(item -> assertThat(item).contains("request#" + pending))
                .anySatisfy(item -> assertThat(item).contains("request#" + approved))
                .noneSatisfy(item -> assertThat(item).contains("request#" + later));
        assertThat(state(later)).isEqualTo("PENDING");
        assertThat(state(pending)).isEqualTo("EXPIRED");
    }
}
