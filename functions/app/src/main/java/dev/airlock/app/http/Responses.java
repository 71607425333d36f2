package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) responses. */
public final class Responses {

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    private Responses() {
    }

    /** A JSON response with {@code value} written by {@link Json#write}. */
    public static APIGatewayV2HTTPResponse json(int status, Object value) {
        return of(status, JSON, Json.write(value), Map.of());
    }

    /** A JSON response with extra headers. */
    public static APIGatewayV2HTTPResponse json(int status, Object value, Map<String, String> headers) {
        return of(status, JSON, Json.write(value), headers);
    }

    /** How long hosts and caches may keep {@code GET /ca} and {@code GET /krl} (a revocation reaches a host within this plus its timer's period). */
    public static final int PUBLIC_MAX_AGE_SECONDS = 60;

    /** The cache headers of a public route's response: shared caches may keep it briefly. */
    public static Map<String, String> publicCache() {
        return Map.of("Cache-Control", "public, max-age=" + PUBLIC_MAX_AGE_SECONDS);
    }

    /** A binary response (API Gateway decodes the base64 body). */
    public static APIGatewayV2HTTPResponse binary(int status, String contentType, byte[] body,
                                                  Map<String, String> extra) {
        APIGatewayV2HTTPResponse response = of(status, contentType,
                java.util.Base64.getEncoder().encodeToString(body), extra);
        response.setIsBase64Encoded(true);
        return response;
    }

    /** A plain-text response. */
    public static APIGatewayV2HTTPResponse text(int status, String text) {
        return of(status, TEXT, text, Map.of());
    }

    /**
     * A response with the headers every Airlock response carries: nothing is cacheable (it is all
     * per-caller), and browsers must not sniff content types.
     */
    public static APIGatewayV2HTTPResponse of(int status, String contentType, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
