package dev.airlock.local;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the gateway received it, before any interpretation.
 *
 * @param method    the method, as sent
 * @param rawPath   the path, still percent-encoded
 * @param rawQuery  the query string without {@code ?}, still encoded; empty when none
 * @param headers   every header line, names lower-cased, values in arrival order
 * @param body      the body bytes (empty when none)
 * @param sourceIp  the peer address
 * @param protocol  e.g. {@code HTTP/1.1}
 * @param received  when the gateway received it
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String sourceIp, String protocol, Instant received) {

    public GatewayRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null) {
                lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
            }
        });
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = java.util.Collections.unmodifiableMap(lower);
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(received, "received");
    }

    /** The first value of a header (name in any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Method and path only: headers carry the bearer token, bodies may carry anything. */
    @Override
    public String toString() {
        return "GatewayRequest[" + method + " " + rawPath + "]";
    }
}
