package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFunctionTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void create_shouldStorePendingRequestAndReturnItsRepresentation() {
        // GIVEN bob (group contractors) asks for dba with a reason and a 2h access window
        // WHEN the request function serves the API Gateway event
        LambdaResponse response = harness.invoke("request", "request-create.json");

        // THEN 201 with the representation of docs/API.md, and one stored PENDING request
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("id", "user", "roles", "reason", "state", "createdAt",
                "pendingExpiresAt", "accessDuration", "accessExpiresAt", "reviews", "resolutionReason",
                "resolvedAt", "certificateSerials", "version", "requestPrompt", "suggestedReviewers", "breakGlass",
                "postReview", "approvals");
        assertThat(body.get("approvals").get("given").asInt()).isZero();
        assertThat(body.get("approvals").get("required").asInt()).isEqualTo(1);
        assertThat(body.get("breakGlass").asBoolean()).isFalse();
        assertThat(body.get("postReview").isNull()).isTrue();
        // the demo's contractor role sets no request_prompt and suggests no reviewers
        assertThat(body.get("requestPrompt").isNull()).isTrue();
        assertThat(body.get("suggestedReviewers").isArray()).isTrue();
        assertThat(body.get("suggestedReviewers").size()).isZero();
        assertThat(body.get("user").asString()).isEqualTo("bob");
        assertThat(body.get("roles").get(0).asString()).isEqualTo("dba");
        assertThat(body.get("state").asString()).isEqualTo("PENDING");
        assertThat(body.get("accessDuration").asString()).isEqualTo("2h");
        assertThat(body.get("accessExpiresAt").isNull()).isTrue();
        assertThat(response.header("Location")).isEqualTo("/requests/" + body.get("id").asString());
        AccessRequest stored = harness.airlock().store().find(body.get("id").asString()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.PENDING);
        assertThat(stored.reason()).isEqualTo("INC-4211: slow queries");
        assertThat(stored.accessDuration()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void create_withSameIdempotencyKey_shouldReplayTheFirstRequest() {
        LambdaResponse first = harness.invoke("request", "request-create.json");
        LambdaResponse second = harness.invoke("request", "request-create.json");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(harness.airlock().store().size()).isEqualTo(1);
    }

    @Test
    void create_withBase64Body_shouldDecodeIt() {
        LambdaResponse response = harness.invoke("request", "request-create-base64.json");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("reason").asString()).isEqualTo("INC-4212: disk full");
        JsonNode body = response.json();
        assertThat(java.time.Instant.parse(body.get("pendingExpiresAt").asString()))
                .isEqualTo(java.time.Instant.parse(body.get("createdAt").asString()).plus(Duration.ofMinutes(30)));
    }

    @Test
    void create_forRoleNotRequestable_shouldBe403AndStoreNothing() {
        ObjectNode event = Events.body(Events.load("request-create.json"),
                "{\"roles\": [\"dba-reviewer\"], \"reason\": \"let me review\"}");

        LambdaResponse response = harness.invoke("request", event);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(harness.airlock().store().size()).isZero();
        assertThat(harness.airlock().audit().size()).isZero();
    }

    @Test
    void create_withBadDuration_shouldBe400NamingTheField() {
        ObjectNode event = Events.body(Events.load("request-create.json"),
                "{\"roles\": [\"dba\"], \"reason\": \"x\", \"accessDuration\": \"two hours\"}");

        LambdaResponse response = harness.invoke("request", event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_duration");
        assertThat(response.json().get("detail").asString()).contains("accessDuration");
        assertThat(harness.airlock().store().size()).isZero();
    }

    @Test
    void withdraw_byRequester_shouldMoveToWithdrawn() {
        String id = harness.bobRequestsDba();

        LambdaResponse response = harness.invoke("request", Events.requestId(Events.load("request-withdraw.json"), id));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.WITHDRAWN);
    }

    @Test
    void withdraw_twice_shouldBe409() {
        String id = harness.bobRequestsDba();
        harness.invoke("request", Events.requestId(Events.load("request-withdraw.json"), id));

        LambdaResponse again = harness.invoke("request", Events.requestId(Events.load("request-withdraw.json"), id));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("invalid_state");
    }

    @Test
    void withdraw_unknownId_shouldBe404() {
        LambdaResponse response = harness.invoke("request", "request-withdraw.json");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("request_not_found");
        assertThat(new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .doesNotContain("Exception");
    }
}
