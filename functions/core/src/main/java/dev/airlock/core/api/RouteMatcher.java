package dev.airlock.core.api;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one route matcher (the local gateway's and the functions' own, for an event without a route
 * key): matches the way API Gateway matches an HTTP API's routes — exact method, path template segment
 * by segment, {@code {name}} standing for one non-empty segment, each raw segment percent-decoded
 * (RFC 3986; {@code +} stays {@code +}) before it is compared or bound; the most specific route
 * (fewest parameters) wins. Nothing else matches: an unknown path or method has no route (a 404).
 */
public final class RouteMatcher {

    private final List<Route> routes;

    /** Over the whole route table. */
    public RouteMatcher() {
        this(Routes.ALL);
    }

    /** Over some routes, e.g. one function's ({@link Routes#of}). */
    public RouteMatcher(List<Route> routes) {
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
                params.put(segment.substring(1, segment.length() - 1), PercentDecoding.decode(actual[i], false));
            } else if (!segment.equals(PercentDecoding.decode(actual[i], false))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
