package dev.airlock.app.http;

import dev.airlock.core.api.Route;
import dev.airlock.core.api.Routes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route of a request among one function's routes ({@link Routes#of}). API Gateway names
 * the matched route in {@code routeKey}; a catch-all route ({@code $default}) or a caller that sets
 * no route key is matched by method and path against the same table.
 */
final class RouteMatcher {

    static final String DEFAULT_ROUTE = "$default";

    private final List<Route> routes;

    RouteMatcher(String function) {
        this.routes = Routes.of(function);
    }

    /** The request with its route resolved, or empty when none of this function's routes matches. */
    Optional<ApiRequest> resolve(ApiRequest request) {
        for (Route route : routes) {
            if (route.routeKey().equals(request.routeKey())) {
                return Optional.of(request);
            }
        }
        if (!request.routeKey().isEmpty() && !request.routeKey().equals(DEFAULT_ROUTE)) {
            return Optional.empty();
        }
        for (Route route : routes) {
            if (route.method().equals(request.method())) {
                Optional<Map<String, String>> params = PathTemplates.match(route.pathTemplate(), request.path());
                if (params.isPresent()) {
                    return Optional.of(request.withRoute(route.routeKey(), params.get()));
                }
            }
        }
        return Optional.empty();
    }
}
