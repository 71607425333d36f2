package dev.airlock.local;

import dev.airlock.core.api.RouteMatcher;
import dev.airlock.core.api.gateway.HttpApiEvent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The local gateway's side of the one API Gateway v2 event builder ({@link HttpApiEvent}): a request
 * the gateway accepted, the route it matched and the verified claims (none on a public route).
 */
public final class ApiGatewayEvents {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REQUEST_ID_BYTES = 10;

    private final String accountId;
    private final String apiId;

    /**
     * @param accountId the account the local "API" lives in (a placeholder, 12 digits)
     * @param apiId     the API id to report
     */
    public ApiGatewayEvents(String accountId, String apiId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.apiId = Objects.requireNonNull(apiId, "apiId");
    }

    /** A request id shaped like API Gateway's ({@code apigw-requestid}), e.g. {@code JKJaXmPLvHcESHA=}. */
    public static String newRequestId() {
        byte[] bytes = new byte[REQUEST_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The v2 event for {@code request}, matched to {@code match}, from a caller with verified
     * {@code claims} (the JWT payload as JSON values).
     *
     * @throws IllegalArgumentException when the query string is not valid percent-encoding
     */
    public Map<String, Object> event(GatewayRequest request, RouteMatcher.Match match, Map<String, Object> claims,
                                     String requestId) {
        return event(request, match, Optional.of(claims), requestId);
    }

    /** As above; with no claims (a public route) the event has no {@code authorizer}, as API Gateway's. */
    public Map<String, Object> event(GatewayRequest request, RouteMatcher.Match match,
                                     Optional<Map<String, Object>> claims, String requestId) {
        HttpApiEvent event = HttpApiEvent.of(match.route().routeKey(), request.rawPath())
                .headers(request.headers())
                .rawQuery(request.rawQuery())
                .pathParameters(match.pathParameters())
                .body(request.body())
                .source(request.sourceIp(), request.protocol())
                .received(request.received(), requestId)
                .api(accountId, apiId);
        claims.ifPresent(event::authorizerClaims);
        return event.build();
    }
}
