package dev.airlock.endpoints.s3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One S3 REST request, path-style: {@code /bucket} or {@code /bucket/key}.
 *
 * @param headers header names in lower case
 * @param query   decoded query parameters (a parameter without value maps to "")
 */
public record S3Request(String method, String bucket, Optional<String> key, Map<String, String> query,
                        Map<String, List<String>> headers, byte[] body) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public boolean has(String subresource) {
        return query.containsKey(subresource);
    }
}
