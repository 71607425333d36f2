package dev.airlock.app.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.ssh.Krl;
import dev.airlock.ssh.KrlCheck;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Break-glass through the functions, with API Gateway v2 events (docs/API.md "Break-glass"). */
class BreakGlassFunctionsTest {

    private static final String BREAK_GLASS = "{\"roles\": [\"dba\"], \"reason\": \"INC-16 db down\", \"breakGlass\": true}";

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    private LambdaResponse breakGlass() {
        ObjectNode event = Events.withoutHeader(Events.load("request-create.json"), "idempotency-key");
        return harness.invoke("request", Events.body(event, BREAK_GLASS));
    }

    private LambdaResponse review(String id, String verdict, String token) {
        ObjectNode event = Events.requestId(Events.load("review-approve.json"), id);
        event = Events.body(event, "{\"verdict\": \"" + verdict + "\", \"reason\": \"post-review\"}");
        return harness.invoke("approve", Events.bearer(event, token));
    }

    @Test
    void breakGlass_isApprovedAtOnce_andShowsItsPostReview() {
        LambdaResponse created = breakGlass();

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(created.json().get("breakGlass").asBoolean()).isTrue();
        assertThat(created.json().get("accessDuration").asString()).isEqualTo("30m");
        assertThat(created.json().get("postReview").get("dueAt").asString()).isNotBlank();
        assertThat(created.json().get("postReview").get("reviewedBy").isNull()).isTrue();
        String id = created.json().get("id").asString();
        assertThat(sign(id)).isNotBlank();
    }

    @Test
    void deny_afterwards_revokes_andTheCertificateIsInTheKrl() {
        String id = breakGlass().json().get("id").asString();
        String serial = sign(id);

        LambdaResponse denied = review(id, "DENY", Events.ALICE_TOKEN);

        assertThat(denied.status()).as(denied.body()).isEqualTo(200);
        assertThat(denied.json().get("state").asString()).isEqualTo("REVOKED");
        assertThat(denied.json().get("postReview").get("reviewedBy").asString()).isEqualTo("alice");
        assertThat(denied.json().get("postReview").get("verdict").asString()).isEqualTo("DENY");
        LambdaResponse krl = harness.invoke("sign", "get-krl-anonymous.json");
        Krl parsed = KrlCheck.requireUsable(Base64.getDecoder().decode(krl.body()), harness.airlock().ca().publicKey());
        assertThat(parsed.revokesSerial(harness.airlock().ca().publicKey(), Long.parseUnsignedLong(serial))).isTrue();
    }

    @Test
    void approve_afterwards_confirms_butTheRequesterCannot() {
        String id = breakGlass().json().get("id").asString();

        LambdaResponse self = review(id, "APPROVE", Events.BOB_TOKEN);
        LambdaResponse confirmed = review(id, "APPROVE", Events.ALICE_TOKEN);

        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("code").asString()).isEqualTo("self_review");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(confirmed.json().get("postReview").get("verdict").asString()).isEqualTo("APPROVE");
    }

    @Test
    void fourthWithin24h_is429_withACodeAndRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(breakGlass().status()).isEqualTo(201);
        }

        LambdaResponse refused = breakGlass();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("break_glass_rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(24 * 3600);
    }

    @Test
    void breakGlass_withPendingTtl_is400() {
        ObjectNode event = Events.withoutHeader(Events.load("request-create.json"), "idempotency-key");
        LambdaResponse response = harness.invoke("request", Events.body(event,
                "{\"roles\": [\"dba\"], \"reason\": \"x\", \"breakGlass\": true, \"pendingTtl\": \"1h\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(harness.airlock().store().listByUser("bob", java.util.Optional.empty(),
                new dev.airlock.core.port.PageRequest(5, java.util.Optional.empty())).items()).isEmpty();
    }

    @Test
    void reviewDue_listsOutstandingPostReviewsForReviewers_andTheSweepCountsOverdueOnes() {
        String id = breakGlass().json().get("id").asString();
        ObjectNode aliceAsks = Events.bearer(Events.query(Events.load("list-mine.json"), "reviewDue", "true"),
                Events.ALICE_TOKEN);
        ObjectNode bobAsks = Events.query(Events.load("list-mine.json"), "reviewDue", "true");

        LambdaResponse forAlice = harness.invoke("list", aliceAsks);
        LambdaResponse forBob = harness.invoke("list", bobAsks);
        harness.airlock().clock().advance(java.time.Duration.ofHours(24));
        tools.jackson.databind.JsonNode swept = sweep();

        assertThat(forAlice.status()).as(forAlice.body()).isEqualTo(200);
        assertThat(forAlice.json().get("items").size()).isEqualTo(1);
        assertThat(forAlice.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(forAlice.json().get("items").get(0).get("postReview").get("overdue").asBoolean()).isFalse();
        assertThat(forBob.json().get("items").size()).isZero();
        assertThat(swept.get("overduePostReviews").asInt()).isEqualTo(1);
        review(id, "APPROVE", Events.ALICE_TOKEN);
        assertThat(sweep().get("overduePostReviews").asInt()).isZero();
    }

    @Test
    void reviewDue_withAnotherFilter_is400() {
        ObjectNode event = Events.query(Events.query(Events.load("list-mine.json"), "reviewDue", "true"),
                "state", "APPROVED");

        LambdaResponse response = harness.invoke("list", Events.bearer(event, Events.ALICE_TOKEN));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_query");
    }

    private tools.jackson.databind.JsonNode sweep() {
        return Events.MAPPER.readTree(harness.functions().invokeAsLambda("expire",
                Events.bytes(Events.load("scheduled.json"))));
    }

    private String sign(String requestId) {
        String body = "{\"publicKey\": \"" + TestKeys.ed25519PublicKeyLine() + "\", \"requestId\": \"" + requestId + "\"}";
        LambdaResponse response = harness.invoke("sign", Events.body(Events.load("sign-certificate.json"), body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("serial").asString();
    }
}
