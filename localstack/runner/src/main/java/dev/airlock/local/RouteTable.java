package dev.airlock.local;

import dev.airlock.core.api.Route;
import dev.airlock.core.api.Routes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches requests against the one route table ({@link Routes#ALL}) the way API Gateway matches an
 * HTTP API's routes: exact method, path template segment by segment, {@code {name}} standing for one
 * non-empty segment; the most specific route (fewest parameters) wins. Nothing else matches: an
 * unknown path or method is a 404, as API Gateway answers.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable() {
        this(Routes.ALL);
    }

    RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A matched route with its path parameters (decoded). */
    public record Match(Route route, Map<String, String> pathParameters) {
        public Match {
            Objects.requireNonNull(route, "route");
            pathParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
        }
    }

    /**
     * The route serving {@code method} on {@code rawPath}, if any.
     *
     * @throws IllegalArgumentException when a path segment is not valid percent-encoding
     */
    public Optional<Match> match(String method, String rawPath) {
        Match best = null;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> params = parameters(route.pathTemplate(), rawPath);
            if (params.isPresent() && (best == null || params.get().size() < best.pathParameters().size())) {
                best = new Match(route, params.get());
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Map<String, String>> parameters(String template, String rawPath) {
        String[] expected = template.split("/", -1);
        String[] actual = rawPath.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), percentDecode(actual[i]));
            } else if (!segment.equals(percentDecode(actual[i]))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /**
     * RFC 3986 percent-decoding of one path segment ({@code +} stays a plus sign in paths).
     *
     * @throws IllegalArgumentException on a bad escape or bytes that are not UTF-8
     */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            int next = segment.indexOf('%', i);
            if (next != i) {
                int end = next < 0 ? segment.length() : next;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
                continue;
            }
            if (i + 2 >= segment.length()) {
                throw new IllegalArgumentException("incomplete percent escape in the path");
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("bad percent escape in the path");
            }
            bytes.write(high * 16 + low);
            i += 3;
        }
        return Utf8.decode(bytes.toByteArray())
                .orElseThrow(() -> new IllegalArgumentException("the path is not UTF-8"));
    }
}
