package dev.airlock.aws.notify;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** The notify secrets' one format: a JSON object of name to string value. Errors never quote the text. */
final class SecretsJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SecretsJson() {
    }

    /** @throws IllegalStateException naming {@code source} (not the content) when the text is not such an object */
    static Map<String, String> parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalStateException(source + " is not a JSON object of name to value");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException(source + " is not a JSON object of name to value");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getValue().isString()) {
                throw new IllegalStateException(source + ": the value of '" + field.getKey() + "' is not a string");
            }
            values.put(field.getKey(), field.getValue().asString());
        }
        return Map.copyOf(values);
    }
}
