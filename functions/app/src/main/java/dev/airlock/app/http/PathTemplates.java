package dev.airlock.app.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** API Gateway path templates: {@code /requests/{id}/reviews}, where {@code {name}} is one path segment. */
public final class PathTemplates {

    private PathTemplates() {
    }

    /** The path parameters when {@code path} fits {@code template}, else empty. */
    public static Optional<Map<String, String>> match(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}") && !actual[i].isEmpty()) {
                params.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(Map.copyOf(params));
    }
}
