package dev.airlock.bench.coldstart;

import dev.airlock.core.api.gateway.HttpApiEvent;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (payload 2.0) events (built by the one {@link HttpApiEvent}) as the JWT authorizer
 * delivers them to the functions:
 * claims under {@code requestContext.authorizer.jwt.claims}, an array claim in API Gateway's
 * {@code "[a b]"} rendering. The bearer token is a placeholder: since issue 12 the functions verify the
 * token themselves and ignore those claims, so these events are answered 401 (the cold start then
 * measures start-up plus the refusal path, not the use case).
 */
public final class ApiEvents {

    private static final String PLACEHOLDER_TOKEN = "placeholder.the-functions.never-read-it";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ApiEvents() {
    }

    /**
     * @param routeKey   e.g. {@code POST /requests/{id}/reviews}
     * @param path       the concrete path
     * @param pathParams the template's parameters
     * @param body       JSON text, or null
     */
    public static byte[] http(String routeKey, String path, Map<String, String> pathParams, String user,
                              List<String> groups, String body) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user);
        claims.put("groups", groups);
        claims.put("iss", "http://127.0.0.1/dev");
        claims.put("aud", "airlock-bench");
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        HttpApiEvent event = HttpApiEvent.of(routeKey, path)
                .header("accept", "application/json")
                .bearer(PLACEHOLDER_TOKEN)
                .header("host", "127.0.0.1")
                .header("user-agent", "airlock-bench")
                .pathParameters(pathParams)
                .received(now, UUID.randomUUID().toString())
                .api("000000000000", "airlock-bench")
                .authorizerClaims(claims);
        if (body != null) {
            event.jsonBody(body);
        }
        return JSON.writeValueAsBytes(event.build());
    }

    /** The EventBridge schedule's event, as the expiry function receives it every minute. */
    public static byte[] scheduled() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", Instant.now().toString());
        event.put("region", "us-east-1");
        event.put("resources", List.of("arn:aws:events:us-east-1:000000000000:rule/airlock-expire"));
        event.put("detail", Map.of());
        return JSON.writeValueAsBytes(event);
    }

    /** A JSON object as text. */
    public static String json(Map<String, ?> value) {
        return JSON.writeValueAsString(value);
    }
}
