package dev.airlock.core.api;

import java.util.Objects;

/**
 * One HTTP route of the Airlock API: method, path template in API Gateway syntax
 * ({@code /requests/{id}}), the name of the function bean that serves it, and whether it is public.
 *
 * @param isPublic served without a token: no JWT authorizer in the stack, no token check in the
 *                 local gateway, and the function does not identify the caller. Only for data every
 *                 host may read ({@code GET /ca}, {@code GET /krl}), fetched by timers with no user token.
 */
public record Route(String method, String pathTemplate, String function, boolean isPublic) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(function, "function");
    }

    /** A route that requires a verified bearer token. */
    public Route(String method, String pathTemplate, String function) {
        this(method, pathTemplate, function, false);
    }

    /** A route served without a token (see {@link #isPublic()}). */
    public static Route publicRoute(String method, String pathTemplate, String function) {
        return new Route(method, pathTemplate, function, true);
    }

    /** The API Gateway route key, e.g. {@code POST /requests/{id}/reviews}. */
    public String routeKey() {
        return method + " " + pathTemplate;
    }
}
