package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.core.api.Route;
import dev.airlock.core.api.Routes;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.role.Identity;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An HTTP-triggered function: identifies the caller, finds the route's handler through the one route
 * table ({@link Routes}), and turns every failure into problem+json ({@link Problems}). Subclasses
 * only parse, call a use case and map the result.
 */
public abstract class HttpFunction implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Serves one route for a verified caller ({@code null} on a public route). */
    @FunctionalInterface
    protected interface Handler {
        APIGatewayV2HTTPResponse handle(ApiRequest request, Identity caller);
    }

    private final String name;
    private final ClaimsIdentity identities;
    private final RouteResolver matcher;
    private final Map<String, Handler> handlers;
    private final Set<String> publicRoutes;

    /**
     * @param name     the function's name in {@link Routes}
     * @param handlers one handler per route key of {@code Routes.of(name)}, no more, no fewer
     */
    protected HttpFunction(String name, ClaimsIdentity identities, Map<String, Handler> handlers) {
        this.name = Objects.requireNonNull(name, "name");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.matcher = new RouteResolver(name);
        this.handlers = Map.copyOf(handlers);
        this.publicRoutes = Routes.of(name).stream().filter(Route::isPublic).map(Route::routeKey)
                .collect(Collectors.toUnmodifiableSet());
        Set<String> routeKeys = Routes.of(name).stream().map(Route::routeKey).collect(Collectors.toSet());
        if (!routeKeys.equals(this.handlers.keySet())) {
            throw new IllegalArgumentException("function " + name + " must handle exactly " + routeKeys
                    + ", has " + this.handlers.keySet());
        }
    }

    /** The function's name in {@link Routes}. */
    public final String name() {
        return name;
    }

    /** Serves an event from the caller its own bearer token names ({@link ClaimsIdentity#identify}). */
    @Override
    public final APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
        return serve(event, null);
    }

    /**
     * Serves an event for {@code caller} without reading its token. For SnapStart priming only: it runs
     * in-process before the checkpoint with a caller that holds no roles ({@code priming.Priming}); no
     * Lambda event can reach this method, so it opens no way around verification.
     */
    public final APIGatewayV2HTTPResponse primeAs(APIGatewayV2HTTPEvent event, Identity caller) {
        return serve(event, Objects.requireNonNull(caller, "caller"));
    }

    /** The identities this function reads callers with. */
    public final ClaimsIdentity identities() {
        return identities;
    }

    private APIGatewayV2HTTPResponse serve(APIGatewayV2HTTPEvent event, Identity primingCaller) {
        String correlationId = correlationId(event);
        try {
            Objects.requireNonNull(event, "event");
            ApiRequest request = matcher.resolve(ApiRequest.from(event))
                    .orElseThrow(() -> new NotFoundException("no_route", "no such route"));
            // a public route (Routes: GET /ca, GET /krl) has no token to verify; its handler ignores the caller
            Identity caller = publicRoutes.contains(request.routeKey()) ? null
                    : primingCaller != null ? primingCaller : identities.identify(event);
            return handlers.get(request.routeKey()).handle(request, caller);
        } catch (RuntimeException e) {
            return Problems.of(e, correlationId);
        }
    }

    /** API Gateway's request id (also in its access log and {@code apigw-requestid} header), else a new one. */
    private static String correlationId(APIGatewayV2HTTPEvent event) {
        if (event != null && event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                && !event.getRequestContext().getRequestId().isBlank()) {
            return event.getRequestContext().getRequestId();
        }
        return UUID.randomUUID().toString();
    }
}
