package dev.airlock.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.airlock.domain.role.GoDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * LOCAL DEVELOPMENT ONLY: the development issuer's HTTP face, under {@value DevTokenIssuer#PATH}.
 * <ul>
 *   <li>{@code POST /dev/token} {@code {"user": "bob", "groups": ["contractors"], "ttl": "1h"}} →
 *       {@code {"token": "…", "user", "groups", "expiresIn"}}; {@code groups} defaults to the demo
 *       user's groups ({@link DemoUsers}), else none; {@code ttl} (Go duration) to 1h;</li>
 *   <li>{@code GET /dev/jwks.json}: the public keys.</li>
 * </ul>
 * Discovery and the OpenID Connect flows are {@link dev.airlock.local.oidc.OidcProvider}'s.
 * Tokens are written to the response only, never to the log.
 */
final class DevIssuerEndpoints implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DevIssuerEndpoints.class);
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_GROUPS = 100;
    private static final Set<String> FIELDS = Set.of("user", "groups", "ttl");

    private final DevTokenIssuer issuer;
    private final DemoUsers demoUsers;
    private final ObjectMapper json;

    DevIssuerEndpoints(DevTokenIssuer issuer, DemoUsers demoUsers, ObjectMapper json) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.demoUsers = Objects.requireNonNull(demoUsers, "demoUsers");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        try {
            switch (method + " " + path) {
                case "POST /dev/token" -> token(exchange);
                case "GET /dev/jwks.json" -> ok(exchange, "application/jwk-set+json",
                        json.writeValueAsBytes(issuer.publicKeys().toJSONObject(true)));
                default -> problem(exchange, 404, "Not found", "no_route", "no such development issuer endpoint");
            }
        } catch (InvalidTokenRequest e) {
            problem(exchange, 400, "Bad request", e.code, e.getMessage());
        } catch (Exchanges.BodyTooLargeException e) {
            problem(exchange, 413, "Payload too large", "body_too_large",
                    "the body is larger than " + MAX_BODY_BYTES + " bytes");
        } catch (RuntimeException e) {
            LOG.error("development issuer failed on {} {}: {}", method, path, e.getClass().getName());
            problem(exchange, 500, "Internal error", "internal", "the development issuer failed");
        }
    }

    private void token(HttpExchange exchange) throws IOException, Exchanges.BodyTooLargeException {
        JsonNode body = parse(Exchanges.readBody(exchange, MAX_BODY_BYTES));
        String user = text(body, "user").orElseThrow(() ->
                new InvalidTokenRequest("user_required", "'user' is required"));
        requireName("user", user);
        List<String> groups = body.has("groups") ? groups(body.get("groups"))
                : demoUsers.groupsOf(user).orElse(List.of());
        Duration ttl = text(body, "ttl").map(DevIssuerEndpoints::duration).orElse(DevTokenIssuer.DEFAULT_TTL);
        String token;
        try {
            token = issuer.mint(user, groups, ttl);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenRequest("invalid_ttl", e.getMessage());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token", token);
        response.put("user", user);
        response.put("groups", groups);
        response.put("expiresIn", ttl.toSeconds());
        LOG.info("development issuer: minted a token for {} (groups {}, ttl {}s)", user, groups, ttl.toSeconds());
        ok(exchange, "application/json", json.writeValueAsBytes(response));
    }

    private JsonNode parse(byte[] bytes) {
        JsonNode body;
        try {
            body = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new InvalidTokenRequest("malformed_body", "the body must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw new InvalidTokenRequest("malformed_body", "the body must be a JSON object");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidTokenRequest("unknown_field", "unknown field '" + name + "' (expected user, groups, ttl)");
            }
        }
        return body;
    }

    private static java.util.Optional<String> text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return java.util.Optional.empty();
        }
        if (!node.isString()) {
            throw new InvalidTokenRequest("malformed_body", "'" + field + "' must be a string");
        }
        return java.util.Optional.of(node.asString());
    }

    private static List<String> groups(JsonNode node) {
        if (!node.isArray() || node.size() > MAX_GROUPS) {
            throw new InvalidTokenRequest("malformed_body", "'groups' must be an array of at most " + MAX_GROUPS + " strings");
        }
        List<String> groups = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isString()) {
                throw new InvalidTokenRequest("malformed_body", "'groups' must be an array of strings");
            }
            requireName("group", item.asString());
            groups.add(item.asString());
        }
        return List.copyOf(groups);
    }

    /** Names end up in claims rendered {@code "[a b]"}: no spaces or control characters, bounded length. */
    private static void requireName(String what, String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !name.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw new InvalidTokenRequest("invalid_name", "a " + what + " name must be 1-" + MAX_NAME_LENGTH
                    + " printable characters without spaces");
        }
    }

    private static Duration duration(String text) {
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenRequest("invalid_ttl", "'ttl' must be a duration such as 30m or 1h");
        }
    }

    private static void ok(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        Exchanges.write(exchange, 200, Map.of("Content-Type", List.of(contentType), "Cache-Control", List.of("no-store")),
                body);
    }

    private void problem(HttpExchange exchange, int status, String title, String code, String detail) throws IOException {
        HttpReply problem = GatewayProblems.of(json, status, title, code, detail);
        Exchanges.write(exchange, problem.status(), problem.headers(), problem.body());
    }

    /** A bad token request: 400 with {@code code}. */
    private static final class InvalidTokenRequest extends RuntimeException {
        private final String code;

        InvalidTokenRequest(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
