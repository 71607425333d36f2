package dev.airlock.app.http;

import dev.airlock.core.api.RouteMatcher;
import dev.airlock.core.api.Routes;

import java.util.Optional;

/**
 * Finds the route of a request among one function's routes ({@link Routes#of}). API Gateway names
 * the matched route in {@code routeKey}; a catch-all route ({@code $default}) or a caller that sets
 * no route key is matched by method and path with the one {@link RouteMatcher}.
 */
final class RouteResolver {

    static final String DEFAULT_ROUTE = "$default";

    private final String function;
    private final RouteMatcher matcher;

    RouteResolver(String function) {
        this.function = function;
        this.matcher = new RouteMatcher(Routes.of(function));
    }

    /** The request with its route resolved, or empty when none of this function's routes matches. */
    Optional<ApiRequest> resolve(ApiRequest request) {
        boolean named = Routes.of(function).stream().anyMatch(r -> r.routeKey().equals(request.routeKey()));
        if (named) {
            return Optional.of(request);
        }
        if (!request.routeKey().isEmpty() && !request.routeKey().equals(DEFAULT_ROUTE)) {
            return Optional.empty();
        }
        try {
            return matcher.match(request.method(), request.path())
                    .map(m -> request.withRoute(m.route().routeKey(), m.pathParameters()));
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty(); // a path that is not valid percent-encoding names no route
        }
    }
}
