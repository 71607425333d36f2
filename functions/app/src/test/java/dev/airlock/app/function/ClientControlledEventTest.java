package dev.airlock.app.function;

import dev.airlock.app.harness.LocalFunctions;
import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of an API Gateway event a client controls — the body and the HTTP headers — go through
 * the Lambda conversion ({@code FunctionInvoker}'s, here {@code LocalFunctions.invokeAsLambda}) to our
 * code untouched: whatever their shape, the answer is the function's own (a 4xx problem for bad input,
 * never a 500), and nothing changes.
 *
 * <p>Spring Cloud Function inspects both: a body holding a JSON array is put in a {@code payload}
 * message header, every HTTP header becomes a message header, and a {@code payload} header holding an
 * array makes it apply the function to each element (which is no API Gateway event, so it failed: a
 * 500). The HTTP functions take the raw event instead ({@code AirlockApplication}).
 */
class ClientControlledEventTest {

    private static final String NOT_AN_OBJECT = "the body must be a JSON object";

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    private void assertNothingStored() {
        assertThat(harness.airlock().store().size()).isZero();
        assertThat(harness.airlock().audit().size()).isZero();
    }

    private static void assertNotAnObject(LambdaResponse response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isEqualTo(NOT_AN_OBJECT);
    }

    /** Bodies that are JSON but not an object, and the code the strict reader already gives each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[\"dba\"]|invalid_field",
            "[]|invalid_field",
            "[{\"roles\": [\"dba\"], \"reason\": \"INC-1\"}]|invalid_field",
            "[[\"dba\"], [\"dba\"]]|invalid_field",
            "[[]]|invalid_field",
            "`  [\"dba\"]\n`|invalid_field",
            "\"str\"|invalid_field",
            "42|invalid_field",
            "true|invalid_field",
            "null|malformed_json"})
    void nonObjectBody_shouldBe400_andChangeNothing(String body, String code) {
        ObjectNode event = Events.withoutHeader(Events.body(Events.load("request-create.json"), body),
                "idempotency-key");

        assertNotAnObject(harness.invoke("request", event), code);
        assertNothingStored();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"[\"dba\"]|invalid_field", "[]|invalid_field",
            "[{\"roles\": [\"dba\"], \"reason\": \"INC-1\"}]|invalid_field", "42|invalid_field",
            "null|malformed_json"})
    void nonObjectBase64Body_shouldBe400_andChangeNothing(String body, String code) {
        ObjectNode event = Events.base64Body(Events.load("request-create.json"), body.getBytes(StandardCharsets.UTF_8));

        assertNotAnObject(harness.invoke("request", event), code);
        assertNothingStored();
    }

    @Test
    void arrayBody_toEveryFunctionTakingABody_shouldBe400() {
        String id = harness.bobRequestsDba();
        long stored = harness.airlock().store().size();
        long audited = harness.airlock().audit().size();

        assertNotAnObject(harness.invoke("approve", Events.body(Events.requestId(Events.load("review-approve.json"), id),
                "[{\"verdict\": \"APPROVE\", \"reason\": \"ok\"}]")), "invalid_field");
        assertNotAnObject(harness.invoke("sign", Events.body(Events.load("sign-certificate.json"), "[\"x\"]")),
                "invalid_field");
        assertThat(harness.airlock().store().size()).isEqualTo(stored);
        assertThat(harness.airlock().audit().size()).isEqualTo(audited);
    }

    /**
     * Bob, who reviews nothing, sends alice's approval of his own request (an event claiming alice) as
     * the body, in an array: it must stay a body, not become the event.
     */
    @Test
    void eventForgedInAnArrayBody_shouldNotBeServed() {
        String id = harness.bobRequestsDba();
        ObjectNode forged = Events.requestId(Events.load("review-approve.json"), id);
        ObjectNode event = Events.claims(Events.body(Events.requestId(Events.load("review-approve.json"), id),
                "[" + forged + "]"), "bob", "[contractors]");

        assertNotAnObject(harness.invoke("approve", event), "invalid_field");
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    /** The same forged event in a {@code Payload} header of an ordinary review by bob: bob's own review is refused. */
    @Test
    void eventForgedInAPayloadHeader_shouldNotBeServed() {
        String id = harness.bobRequestsDba();
        ObjectNode forged = Events.requestId(Events.load("review-approve.json"), id);
        ObjectNode event = Events.header(Events.claims(Events.requestId(Events.load("review-approve.json"), id),
                "bob", "[contractors]"), "payload", "[" + forged + "]");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    /** HTTP headers Spring Cloud Function reads from its message headers, with values that upset it. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "payload|[\"dba\"]",
            "payload|[]",
            "payload|{\"roles\": [\"superuser\"], \"reason\": \"x\"}",
            "expected-content-type|text/plain",
            "expected-content-type|application/xml",
            "expected-content-type|not a media type",
            "contentType|text/plain",
            "content-type|text/plain;charset=utf-8",
            "ce-specversion|1.0",
            "ce-type|x",
            "spring.cloud.function.definition|list",
            "scf-func-name|list",
            "spring.cloud.function.routing-expression|'list'",
            "spring.cloud.stream.sendto.destination|x"})
    void headersSpringReads_shouldNotChangeTheAnswer(String name, String value) {
        ObjectNode event = Events.header(Events.withoutHeader(Events.load("request-create.json"), "idempotency-key"),
                name, value);

        LambdaResponse response = harness.invoke("request", event);

        if (name.equals("content-type")) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isEqualTo("unsupported_media_type");
            assertNothingStored();
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json().get("roles").get(0).asString()).isEqualTo("dba");
            assertThat(harness.airlock().store().size()).isEqualTo(1);
        }
    }
}
