package dev.airlock.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What API Gateway makes of a Lambda's result with payload format 2.0: an object with
 * {@code statusCode} is a response ({@code headers}, {@code multiValueHeaders}, {@code cookies} →
 * {@code Set-Cookie}, {@code body}, {@code isBase64Encoded}); anything else is the body of a 200
 * {@code application/json} response.
 *
 * @param status  HTTP status
 * @param headers header name → values
 * @param body    body bytes
 */
public record LambdaHttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public LambdaHttpResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Interprets a Lambda result.
     *
     * @throws IllegalStateException when the result is not JSON or its body is not valid base64
     */
    public static LambdaHttpResponse fromLambdaResult(byte[] result, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(result);
        } catch (JacksonException e) {
            throw new IllegalStateException("the function returned something that is not JSON");
        }
        if (root == null || !root.isObject() || !root.has("statusCode")) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Content-Type", List.of("application/json"));
            return new LambdaHttpResponse(200, headers, result.clone());
        }
        int status = root.get("statusCode").asInt();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        JsonNode single = root.get("headers");
        if (single != null && single.isObject()) {
            single.properties().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                    .add(e.getValue().asString()));
        }
        JsonNode multi = root.get("multiValueHeaders");
        if (multi != null && multi.isObject()) {
            multi.properties().forEach(e -> e.getValue().values().forEach(v ->
                    headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(v.asString())));
        }
        JsonNode cookies = root.get("cookies");
        if (cookies != null && cookies.isArray()) {
            cookies.values().forEach(c -> headers.computeIfAbsent("Set-Cookie", k -> new ArrayList<>()).add(c.asString()));
        }
        return new LambdaHttpResponse(status, headers, body(root));
    }

    private static byte[] body(JsonNode root) {
        JsonNode body = root.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        String text = body.asString();
        JsonNode base64 = root.get("isBase64Encoded");
        if (base64 != null && base64.asBoolean()) {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the function returned a body flagged base64 that is not base64");
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The first value of a header, name in any case. */
    public java.util.Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
