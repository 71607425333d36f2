package dev.airlock.local;

import dev.airlock.core.api.ProblemBody;
import tools.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem+json replies for what the gateway itself refuses (no route, no valid token, a body
 * too large), with the functions' body shape ({@link ProblemBody}).
 */
final class GatewayProblems {

    static final String CONTENT_TYPE = ProblemBody.CONTENT_TYPE;

    private GatewayProblems() {
    }

    static HttpReply of(ObjectMapper json, int status, String title, String code, String detail) {
        Map<String, Object> body = ProblemBody.of(status, title, code, detail);
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
        Map<String, Object> body = ProblemBody.internal(correlationId);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(CONTENT_TYPE));
        headers.put("Cache-Control", List.of("no-store"));
        return new HttpReply(500, headers, json.writeValueAsBytes(body));
    }
}
