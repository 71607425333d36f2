package dev.airlock.core.api;

import java.util.Objects;

/**
 * One HTTP route of the Airlock API: method, path template in API Gateway syntax
 * ({@code /requests/{id}}) and the name of the function bean that serves it.
 */
public record Route(String method, String pathTemplate, String function) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(function, "function");
    }

    /** The API Gateway route key, e.g. {@code POST /requests/{id}/reviews}. */
    public String routeKey() {
        return method + " " + pathTemplate;
    }
}
