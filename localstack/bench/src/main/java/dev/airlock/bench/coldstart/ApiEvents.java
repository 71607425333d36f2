package dev.airlock.bench.coldstart;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (payload 2.0) events as the JWT authorizer delivers them to the functions:
 * claims under {@code requestContext.authorizer.jwt.claims}, an array claim in API Gateway's
 * {@code "[a b]"} rendering. The bearer token is a placeholder: since issue 12 the functions verify the
 * token themselves and ignore those claims, so these events are answered 401 (the cold start then
 * measures start-up plus the refusal path, not the use case).
 */
public final class ApiEvents {

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
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user);
        claims.put("groups", "[" + String.join(" ", groups) + "]");
        claims.put("iss", "http://127.0.0.1/dev");
        claims.put("aud", "airlock-bench");
        claims.put("iat", Long.toString(now.getEpochSecond()));
        claims.put("exp", Long.toString(now.getEpochSecond() + 3600));
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "airlock-bench");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "000000000000");
        context.put("apiId", "airlock-bench");
        context.put("domainName", "127.0.0.1");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("timeEpoch", now.toEpochMilli());
        context.put("authorizer", Map.of("jwt", Map.of("claims", claims)));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", headers(body));
        event.put("requestContext", context);
        if (!pathParams.isEmpty()) {
            event.put("pathParameters", pathParams);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
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

    private static Map<String, String> headers(String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("authorization", "Bearer placeholder.the-functions.never-read-it");
        headers.put("host", "127.0.0.1");
        headers.put("user-agent", "airlock-bench");
        if (body != null) {
            headers.put("content-type", "application/json");
            headers.put("content-length", Integer.toString(body.length()));
        }
        return headers;
    }
}
