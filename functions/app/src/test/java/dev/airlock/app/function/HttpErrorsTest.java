package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.identity.testing.TestIssuer;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every HTTP function does with bad input: a 4xx problem+json and no state change. */
class HttpErrorsTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    private void assertNothingStored() {
        assertThat(harness.airlock().store().size()).isZero();
        assertThat(harness.airlock().audit().size()).isZero();
    }

    private static void assertProblem(LambdaResponse response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().propertyNames()).containsExactly("type", "title", "status", "detail", "code");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("type").asString())
                .isEqualTo("https://airlock.dev/problems/" + code.replace('_', '-'));
    }

    @ParameterizedTest
    @CsvSource({"request, no-claims.json", "list, list-mine.json", "approve, review-approve.json",
            "sign, sign-certificate.json", "sign, revoke-certificate.json", "approve, revoke-request.json"})
    void noToken_shouldBe401_whateverTheAuthorizerClaimsSay(String function, String fixture) {
        ObjectNode event = Events.withoutHeader(Events.load(fixture), "authorization");

        assertProblem(harness.invoke(function, event), 401, "no_token");
        assertNothingStored();
    }

    @Test
    void tokenWithoutUserClaim_shouldBe401() {
        TestIssuer issuer = TestIssuer.shared();
        ObjectNode event = Events.bearer(Events.load("request-create.json"),
                issuer.sign(issuer.claims("bob", List.of("contractors")).subject(null).build()));

        assertProblem(harness.invoke("request", event), 401, "no_user");
        assertNothingStored();
    }

    @Test
    void unsignedLookingToken_shouldNotAuthenticate() {
        // no-claims.json carries a JWT-shaped token no issuer signed.
        assertProblem(harness.invoke("request", "no-claims.json"), 401, "invalid_token");
    }

    @Test
    void malformedJson_shouldBe400() {
        ObjectNode event = Events.body(Events.load("request-create.json"), "{\"roles\": [\"dba\"");

        assertProblem(harness.invoke("request", event), 400, "malformed_json");
        assertNothingStored();
    }

    @Test
    void duplicateKeys_shouldBe400() {
        ObjectNode event = Events.body(Events.load("request-create.json"),
                "{\"roles\": [\"dba\"], \"reason\": \"a\", \"reason\": \"b\"}");

        assertProblem(harness.invoke("request", event), 400, "malformed_json");
        assertNothingStored();
    }

    @Test
    void unknownField_shouldBe400NamingIt() {
        ObjectNode event = Events.body(Events.load("request-create.json"),
                "{\"roles\": [\"dba\"], \"reason\": \"x\", \"user\": \"alice\"}");

        LambdaResponse response = harness.invoke("request", event);

        assertProblem(response, 400, "unknown_field");
        assertThat(response.json().get("detail").asString()).contains("'user'");
        assertNothingStored();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"roles\": \"dba\", \"reason\": \"x\"}|roles",
            "{\"roles\": [\"dba\"], \"reason\": 42}|reason",
            "{\"roles\": [7], \"reason\": \"x\"}|roles[0]",
            "{\"roles\": [\"dba\"], \"reason\": \"x\", \"pendingTtl\": 3600}|pendingTtl"})
    void wrongType_shouldBe400NamingTheField(String body, String field) {
        LambdaResponse response = harness.invoke("request", Events.body(Events.load("request-create.json"), body));

        assertProblem(response, 400, "invalid_field");
        assertThat(response.json().get("detail").asString()).contains("'" + field + "'");
        assertNothingStored();
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "''"})
    void wrongContentType_shouldBe400(String contentType) {
        ObjectNode event = Events.header(Events.load("request-create.json"), "content-type", contentType);

        assertProblem(harness.invoke("request", event), 400, "unsupported_media_type");
        assertNothingStored();
    }

    @Test
    void contentTypeWithUtf8Charset_andAnyHeaderCase_shouldBeAccepted() {
        ObjectNode event = Events.withoutHeader(Events.load("request-create.json"), "content-type");
        Events.header(event, "Content-Type", "Application/JSON; charset=UTF-8");
        Events.withoutHeader(event, "idempotency-key");

        assertThat(harness.invoke("request", event).status()).isEqualTo(201);
    }

    @Test
    void oversizedBody_shouldBe400() {
        char[] padding = new char[64 * 1024];
        Arrays.fill(padding, 'x');
        String body = "{\"roles\": [\"dba\"], \"reason\": \"" + new String(padding) + "\"}";

        assertProblem(harness.invoke("request", Events.body(Events.load("request-create.json"), body)), 400,
                "body_too_large");
        assertProblem(harness.invoke("request", Events.base64Body(Events.load("request-create.json"),
                body.getBytes(StandardCharsets.UTF_8))), 400, "body_too_large");
        assertNothingStored();
    }

    @Test
    void invalidBase64Body_shouldBe400() {
        ObjectNode event = Events.load("request-create-base64.json");
        event.put("body", "not base64 at all!");

        assertProblem(harness.invoke("request", event), 400, "malformed_body");
        assertNothingStored();
    }

    @Test
    void emptyBody_shouldBe400() {
        assertProblem(harness.invoke("request", Events.body(Events.load("request-create.json"), "")), 400,
                "body_required");
    }

    @Test
    void unknownRoute_shouldBe404() {
        ObjectNode event = Events.route(Events.load("request-create.json"), "PATCH", "PATCH /requests");

        assertProblem(harness.invoke("request", event), 404, "no_route");
        assertNothingStored();
    }

    @Test
    void routeOfAnotherFunction_shouldBe404() {
        // GET /ca belongs to sign; the request function must not serve it.
        assertProblem(harness.invoke("request", "get-ca.json"), 404, "no_route");
    }

    @Test
    void catchAllRoute_shouldBeMatchedByMethodAndPath() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.requestId(Events.load("list-one.json"), id);
        event.remove("pathParameters");
        Events.route(event, "GET", "$default");

        LambdaResponse response = harness.invoke("list", event);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void errorBody_shouldNeverCarryStackTracesOrClassNames() {
        ObjectNode event = Events.body(Events.load("request-create.json"), "{\"roles\": [\"dba\"], \"reason\": 42}");

        String body = harness.invoke("request", event).body();

        assertThat(body).doesNotContain("Exception", "tools.jackson", "at dev.airlock", "java.");
    }
}
