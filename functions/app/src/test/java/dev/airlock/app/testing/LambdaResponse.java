package dev.airlock.app.testing;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * TEST ONLY: the Lambda proxy response JSON a function returned, as API Gateway reads it.
 *
 * @param status  {@code statusCode}
 * @param headers {@code headers}, looked up case-insensitively
 * @param body    {@code body}
 * @param raw     the whole response object
 */
public record LambdaResponse(int status, Map<String, String> headers, String body, JsonNode raw) {

    public static LambdaResponse parse(byte[] json) {
        JsonNode node = Events.MAPPER.readTree(json);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        JsonNode h = node.get("headers");
        if (h != null && h.isObject()) {
            h.properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        }
        JsonNode body = node.get("body");
        return new LambdaResponse(node.get("statusCode").asInt(), headers,
                body == null || body.isNull() ? null : body.asString(), node);
    }

    /** The body as JSON. */
    public JsonNode json() {
        return Events.MAPPER.readTree(body);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
