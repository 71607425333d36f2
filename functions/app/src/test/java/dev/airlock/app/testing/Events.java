package dev.airlock.app.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * TEST ONLY: the API Gateway HTTP API (payload 2.0) event fixtures of {@code src/test/resources/events},
 * as JSON trees to adjust before sending them through a function as Lambda would.
 */
public final class Events {

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** Tokens the test issuer signed for the fixtures' two users (the functions verify them). */
    public static final String BOB_TOKEN = TestTokens.token("bob", java.util.List.of("contractors"));
    public static final String ALICE_TOKEN = TestTokens.token("alice", java.util.List.of("dba-reviewers"));

    private Events() {
    }

    /**
     * A fixture, e.g. {@code request-create.json}. A fixture with authorizer claims gets a real token for
     * its {@code sub} and {@code groups} in its {@code authorization} header, signed now by the test issuer,
     * as a caller that passed API Gateway's JWT authorizer would send; the claims stay as API Gateway
     * renders them, and the functions ignore them.
     */
    public static ObjectNode load(String name) {
        ObjectNode event;
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture " + name);
            }
            event = (ObjectNode) MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        if (claims.has("sub") && event.path("headers").has("authorization")) {
            bearer(event, TestTokens.token(claims.get("sub").asString(),
                    TestTokens.fixtureGroups(claims.path("groups").asString(""))));
        }
        return event;
    }

    /** Puts {@code Bearer token} in the {@code authorization} header. */
    public static ObjectNode bearer(ObjectNode event, String token) {
        return header(event, "authorization", "Bearer " + token);
    }

    public static byte[] bytes(JsonNode event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Replaces the body (plain text, not base64). */
    public static ObjectNode body(ObjectNode event, String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    /** Replaces the body with its base64 encoding, as API Gateway sends binary bodies. */
    public static ObjectNode base64Body(ObjectNode event, byte[] body) {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
        return event;
    }

    public static ObjectNode header(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("headers")).put(name, value);
        return event;
    }

    public static ObjectNode withoutHeader(ObjectNode event, String name) {
        ((ObjectNode) event.get("headers")).remove(name);
        return event;
    }

    /** Points the event's path (and its {@code id} path parameter) at request {@code id}. */
    public static ObjectNode requestId(ObjectNode event, String id) {
        String template = event.get("routeKey").asString().split(" ", 2)[1];
        String path = template.replace("{id}", id);
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
        event.putObject("pathParameters").put("id", id);
        return event;
    }

    /**
     * Makes the event come from {@code user} in {@code groups} (API Gateway's rendering, e.g.
     * {@code "[dba-reviewers interns]"}): a new signed token, and the authorizer's claims to match.
     */
    public static ObjectNode claims(ObjectNode event, String user, String groups) {
        ObjectNode claims = (ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims");
        claims.put("sub", user);
        claims.put("groups", groups);
        return bearer(event, TestTokens.token(user, TestTokens.fixtureGroups(groups)));
    }

    /** Writes the authorizer's claims only — what a direct invoker could forge; the token stays as it is. */
    public static ObjectNode forgedClaims(ObjectNode event, String user, String groups) {
        ObjectNode claims = (ObjectNode) event.get("requestContext").get("authorizer").get("jwt").get("claims");
        claims.put("sub", user);
        claims.put("groups", groups);
        return event;
    }

    /** Sets one query parameter (and the raw query string to match). */
    public static ObjectNode query(ObjectNode event, String name, String value) {
        ObjectNode params = event.has("queryStringParameters") && event.get("queryStringParameters").isObject()
                ? (ObjectNode) event.get("queryStringParameters") : event.putObject("queryStringParameters");
        params.put(name, value);
        StringBuilder raw = new StringBuilder();
        params.properties().forEach(e -> raw.append(raw.isEmpty() ? "" : "&").append(e.getKey()).append('=')
                .append(e.getValue().asString()));
        event.put("rawQueryString", raw.toString());
        return event;
    }

    /** Replaces route key and method, e.g. {@code PATCH /requests} (a route nobody serves). */
    public static ObjectNode route(ObjectNode event, String method, String routeKey) {
        event.put("routeKey", routeKey);
        ObjectNode context = (ObjectNode) event.get("requestContext");
        context.put("routeKey", routeKey);
        ((ObjectNode) context.get("http")).put("method", method);
        return event;
    }
}
