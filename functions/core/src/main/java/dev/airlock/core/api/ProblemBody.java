package dev.airlock.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one shape of an RFC 9457 {@code application/problem+json} body, for the functions' problems and
 * the local gateway's own refusals alike: {@code type} ({@value #TYPE_BASE}{@code <code-with-dashes>}),
 * {@code title}, {@code status}, {@code detail}, {@code code}; an internal error carries only a generic
 * title and the {@code correlationId}, never its cause.
 */
public final class ProblemBody {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://airlock.dev/problems/";
    public static final String INTERNAL_TITLE = "Internal error";

    private ProblemBody() {
    }

    /** A problem the caller can act on. */
    public static Map<String, Object> of(int status, String title, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        return body;
    }

    /** A 500 that names only the correlation id: the cause goes to the log, never to the caller. */
    public static Map<String, Object> internal(String correlationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", INTERNAL_TITLE);
        body.put("status", 500);
        body.put("correlationId", correlationId);
        return body;
    }
}
