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

    /** The bearer tokens in the fixtures' {@code authorization} headers (fake, but JWT-shaped). */
    public static final String BOB_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImFpcmxvY2stdGVzdCIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJib2IiLCJncm91cHMiOlsiY29udHJhY3RvcnMiXX0.dGVzdC1vbmx5LXNpZ25hdHVyZS1ib2I";
    public static final String ALICE_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImFpcmxvY2stdGVzdCIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJhbGljZSIsImdyb3VwcyI6WyJkYmEtcmV2aWV3ZXJzIl19.dGVzdC1vbmx5LXNpZ25hdHVyZS1hbGljZQ";

    private Events() {
    }

    /** A fixture, e.g. {@code request-create.json}. */
    public static ObjectNode load(String name) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture " + name);
            }
            return (ObjectNode) MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Replaces the verified claims. */
    public static ObjectNode claims(ObjectNode event, String user, String groups) {
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
