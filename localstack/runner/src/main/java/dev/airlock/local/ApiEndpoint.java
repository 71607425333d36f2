package dev.airlock.local;

import dev.airlock.core.api.RouteMatcher;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.identity.VerifiedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP API, as API Gateway would serve it: route (404 when none), verify the bearer token
 * (401 when missing or invalid), build the payload-2.0 event, invoke the route's function through
 * the Lambda wire format, write its response. Logs one line per request — method, path, status,
 * request id — and never a header, a body or a token.
 */
final class ApiEndpoint implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiEndpoint.class);
    /** API Gateway HTTP APIs refuse payloads over 10 MB (the functions refuse far less). */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final RouteMatcher routes;
    private final BearerTokenVerifier verifier;
    private final ApiGatewayEvents events;
    private final FunctionHost functions;
    private final ObjectMapper json;
    private final Clock clock;

    ApiEndpoint(RouteMatcher routes, BearerTokenVerifier verifier, ApiGatewayEvents events, FunctionHost functions,
                ObjectMapper json, Clock clock) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.events = Objects.requireNonNull(events, "events");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = ApiGatewayEvents.newRequestId();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status;
        try {
            status = serve(exchange, requestId);
        } catch (RuntimeException e) {
            // A bug in the gateway or a function that threw past its own error mapping.
            LOG.error("request {} ({} {}) failed: {}", requestId, method, path, e.getClass().getName());
            status = write(exchange, requestId, GatewayProblems.internal(json, requestId));
        }
        LOG.info("{} {} -> {} ({}, {} ms)", method, path, status, requestId,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private int serve(HttpExchange exchange, String requestId) throws IOException {
        Instant received = clock.instant();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<RouteMatcher.Match> match;
        try {
            match = routes.match(method, rawPath);
        } catch (IllegalArgumentException e) {
            return problem(exchange, requestId, 400, "Bad request", "malformed_path", "the path is not valid percent-encoding");
        }
        if (match.isEmpty()) {
            return problem(exchange, requestId, 404, "Not found", "no_route", "no route for " + method + " " + rawPath);
        }
        // a public route (Route.isPublic: GET /ca, GET /krl) has no JWT authorizer, as in the stack
        boolean isPublic = match.get().route().isPublic();
        Optional<VerifiedToken> token = Optional.empty();
        try {
            if (!isPublic) {
                token = Optional.of(verifier.verify(
                        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))));
            }
        } catch (UnauthenticatedException e) {
            return problem(exchange, requestId, 401, "Unauthorized", "invalid_token",
                    "a valid bearer token from the configured issuer is required");
        }
        byte[] body;
        try {
            body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
        } catch (Exchanges.BodyTooLargeException e) {
            return problem(exchange, requestId, 413, "Payload too large", "body_too_large",
                    "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        GatewayRequest request = new GatewayRequest(method, rawPath, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(), body, sourceIp(exchange), exchange.getProtocol(), received);
        Map<String, Object> event;
        try {
            event = events.event(request, match.get(), token.map(VerifiedToken::claims), requestId);
        } catch (IllegalArgumentException e) {
            return problem(exchange, requestId, 400, "Bad request", "malformed_query",
                    "the query string is not valid percent-encoding");
        }
        byte[] result = functions.invoke(match.get().route().function(), json.writeValueAsBytes(event));
        LambdaHttpResponse response = LambdaHttpResponse.fromLambdaResult(result, json);
        return write(exchange, requestId, new HttpReply(response.status(), response.headers(), response.body()));
    }

    private int problem(HttpExchange exchange, String requestId, int status, String title, String code, String detail)
            throws IOException {
        return write(exchange, requestId, GatewayProblems.of(json, status, title, code, detail));
    }

    /** Writes a response with API Gateway's {@code apigw-requestid} header; returns its status. */
    private static int write(HttpExchange exchange, String requestId, HttpReply response)
            throws IOException {
        exchange.getResponseHeaders().put("apigw-requestid", List.of(requestId));
        Exchanges.write(exchange, response.status(), response.headers(), response.body());
        return response.status();
    }

    private static String sourceIp(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
    }
}
