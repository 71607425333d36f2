package dev.airlock.core.api;

import java.util.List;

/**
 * The one table of HTTP routes and the function names. The function beans, the local gateway and the
 * CDK stack all read it, so a route cannot exist in one place and be missing in another; which
 * function has which trigger is the {@link Catalogue}'s.
 */
public final class Routes {

    public static final String REQUEST = "request";
    public static final String LIST = "list";
    public static final String APPROVE = "approve";
    public static final String SIGN = "sign";
    public static final String EXPIRE = "expire";
    /** Consumes the audit table's stream: chain checks, tamper alarms, signed checkpoints (no route). */
    public static final String CHECKPOINT = "checkpoint";
    /** Consumes the audit table's stream: turns records into webhook and Slack notifications (no route). */
    public static final String NOTIFY = "notify";

    public static final List<Route> ALL = List.of(
            new Route("POST", "/requests", REQUEST),
            new Route("DELETE", "/requests/{id}", REQUEST),
            new Route("GET", "/requests", LIST),
            new Route("GET", "/requests/{id}", LIST),
            new Route("GET", "/requests/{id}/audit", LIST),
            new Route("GET", "/certificates", LIST),
            new Route("GET", "/me", LIST),
            new Route("POST", "/requests/{id}/reviews", APPROVE),
            new Route("POST", "/requests/{id}/revocation", APPROVE),
            new Route("POST", "/certificates", SIGN),
            new Route("POST", "/certificates/{serial}/revocation", SIGN),
            Route.publicRoute("GET", "/ca", SIGN),
            Route.publicRoute("GET", "/krl", SIGN),
            Route.publicRoute("GET", "/.well-known/airlock", LIST));

    private Routes() {
    }

    /** The routes served by one function. */
    public static List<Route> of(String function) {
        return ALL.stream().filter(r -> r.function().equals(function)).toList();
    }
}
