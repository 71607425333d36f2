package dev.airlock.app.priming;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The API Gateway v2 events priming sends, on ids that exist nowhere. They carry no token (and no
 * authorizer claims): through the Lambda path the function refuses them with 401; below the verifier
 * {@link Priming} supplies the caller itself.
 */
final class PrimingEvents {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** A random id: no request has it, so every route that looks it up answers 404 before writing. */
    static String unknownId() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param routeKey e.g. {@code DELETE /requests/{id}}
     * @param id       the {@code {id}} path parameter, or null for routes without one
     * @param body     a JSON body, or null
     */
    byte[] http(String routeKey, String id, Map<String, ?> body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        String path = id == null ? template : template.replace("{id}", id);
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "airlock-priming");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("requestId", "priming-" + UUID.randomUUID());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        context.put("http", http);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", body == null ? Map.of() : Map.of("content-type", "application/json"));
        event.put("requestContext", context);
        if (id != null) {
            event.put("pathParameters", Map.of("id", id));
        }
        if (body != null) {
            event.put("body", JSON.writeValueAsString(body));
        }
        event.put("isBase64Encoded", false);
        return JSON.writeValueAsBytes(event);
    }
}
