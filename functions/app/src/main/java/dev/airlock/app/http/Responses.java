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
