package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApproveFunctionTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void approve_byReviewer_shouldApproveAndOpenTheAccessWindow() {
        String id = harness.bobRequestsDba();

        LambdaResponse response = harness.invoke("approve", Events.requestId(Events.load("review-approve.json"), id));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(response.json().get("accessExpiresAt").isNull()).isFalse();
        assertThat(response.json().get("reviews").get(0).propertyNames())
                .containsExactly("reviewer", "verdict", "reason", "at");
        assertThat(response.json().get("reviews").get(0).get("reviewer").asString()).isEqualTo("alice");
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
    }

    @Test
    void deny_shouldDenyWithTheReason() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.body(Events.requestId(Events.load("review-approve.json"), id),
                "{\"verdict\": \"DENY\", \"reason\": \"not during the freeze\"}");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.json().get("state").asString()).isEqualTo("DENIED");
        assertThat(response.json().get("resolutionReason").asString()).isEqualTo("not during the freeze");
    }

    @Test
    void approve_ownRequest_shouldBe403() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.claims(Events.requestId(Events.load("review-approve.json"), id), "bob",
                "[contractors dba-reviewers]");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("self_review");
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    @Test
    void approve_twice_shouldBe409() {
        String id = harness.bobRequestsDba();
        harness.invoke("approve", Events.requestId(Events.load("review-approve.json"), id));
        int auditRecords = harness.airlock().audit().size();

        LambdaResponse again = harness.invoke("approve", Events.requestId(Events.load("review-approve.json"), id));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(harness.airlock().audit().size()).isEqualTo(auditRecords);
    }

    @Test
    void review_withUnknownVerdict_shouldBe400AndChangeNothing() {
        String id = harness.bobRequestsDba();
        int auditRecords = harness.airlock().audit().size();
        ObjectNode event = Events.body(Events.requestId(Events.load("review-approve.json"), id),
                "{\"verdict\": \"MAYBE\", \"reason\": \"hmm\"}");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_verdict");
        assertThat(harness.airlock().store().find(id).orElseThrow().reviews()).isEmpty();
        assertThat(harness.airlock().audit().size()).isEqualTo(auditRecords);
    }

    @Test
    void review_withoutVerdict_shouldBe400() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.body(Events.requestId(Events.load("review-approve.json"), id), "{\"reason\": \"x\"}");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("verdict_required");
    }
}
