package dev.airlock.local;

import tools.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem+json bodies for what the gateway itself refuses (no route, no valid token, a body
 * too large), in the same shape the functions use ({@code type}, {@code title}, {@code status},
 * {@code detail}, {@code code}).
 */
final class GatewayProblems {

    static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://airlock.dev/problems/";

    private GatewayProblems() {
    }

    static HttpReply of(ObjectMapper json, int status, String title, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(CONTENT_TYPE));
        headers.put("Cache-Control", List.of("no-store"));
        if (status == 401) {
            headers.put("WWW-Authenticate", List.of("Bearer"));
        }
        return new HttpReply(status, headers, json.writeValueAsBytes(body));
    }

    /** A 500 that names only the correlation id: the cause goes to the log, never to the caller. */
    static HttpReply internal(ObjectMapper json, String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Internal error");
        body.put("status", 500);
        body.put("correlationId", correlationId);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(CONTENT_TYPE));
        headers.put("Cache-Control", List.of("no-store"));
        return new HttpReply(500, headers, json.writeValueAsBytes(body));
    }
}
