package dev.airlock.local.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.DevTokenIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LOCAL DEVELOPMENT ONLY: a minimal but real OpenID Connect provider in front of {@link DevTokenIssuer},
 * so the CLI can sign in as against a company identity provider: discovery, the authorization code flow
 * with PKCE (S256) and a sign-in form, rotating refresh tokens, and the device authorization grant.
 * All state is in memory and bounded; time comes from the injected {@link Clock}.
 *
 * <pre>
 * GET  /dev/.well-known/openid-configuration   discovery (OpenID Connect Discovery 1.0 §3)
 * GET  /dev/authorize, POST /dev/authorize      sign-in form and its submission
 * POST /dev/oauth2/token                        code, refresh_token and device_code grants
 * POST /dev/oauth2/device_authorization         RFC 8628 §3.1
 * GET  /dev/device, POST /dev/device            RFC 8628 §3.3 verification page
 * </pre>
 * {@code GET /dev/jwks.json} and the direct {@code POST /dev/token} stay with the issuer's own endpoints.
 */
public final class OidcProvider implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    /** The gateway contexts this handler serves (longest prefix wins over the issuer's {@code /dev/}). */
    public static final List<String> CONTEXTS = List.of(DevTokenIssuer.PATH + "/.well-known/",
            DevTokenIssuer.PATH + "/authorize", DevTokenIssuer.PATH + "/oauth2/", DevTokenIssuer.PATH + "/device");

    private final String issuer;
    private final OidcClients clients;
    private final ObjectMapper json;
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint tokens;
    private final DeviceEndpoints devices;

    public OidcProvider(DevTokenIssuer issuer, OidcClients clients, DemoUsers demoUsers, ObjectMapper json, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer").issuer();
        this.clients = Objects.requireNonNull(clients, "clients");
        this.json = Objects.requireNonNull(json, "json");
        Pages pages = new Pages(demoUsers);
        Grants grants = new Grants(clock);
        DeviceGrants deviceGrants = new DeviceGrants(clock);
        this.authorize = new AuthorizeEndpoint(this.issuer, clients, grants, demoUsers, pages, clock);
        this.tokens = new TokenEndpoint(clients, grants, deviceGrants, new TokenIssuance(issuer));
        this.devices = new DeviceEndpoints(this.issuer, tokens, deviceGrants, demoUsers, pages, json, clock);
    }

    /** The provider with the clients {@code demoUsers} declares, for a gateway at {@code gateway}. */
    public static OidcProvider forGateway(URI gateway, DevTokenIssuer issuer, DemoUsers demoUsers, ObjectMapper json,
                                          Clock clock) {
        return new OidcProvider(issuer, OidcClients.of(demoUsers.clients(), gateway), demoUsers, json, clock);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath().substring(DevTokenIssuer.PATH.length());
        try {
            switch (route) {
                case "GET /.well-known/openid-configuration" -> OidcHttp.json(exchange, 200, json.writeValueAsBytes(discovery()));
                case "GET /authorize" -> authorize.show(exchange);
                case "POST /authorize" -> authorize.submit(exchange);
                case "POST /oauth2/token" -> OidcHttp.json(exchange, 200, json.writeValueAsBytes(
                        tokens.exchange(OidcHttp.formBody(exchange))));
                case "POST /oauth2/device_authorization" -> devices.authorize(exchange);
                case "GET /device" -> devices.show(exchange);
                case "POST /device" -> devices.decide(exchange);
                default -> error(exchange, new OAuthError(404, "not_found", "no such endpoint of the development provider"));
            }
        } catch (OAuthError e) {
            error(exchange, e);
        } catch (RuntimeException e) {
            LOG.error("development provider failed on {}: {}", route, e.getClass().getName());
            error(exchange, new OAuthError(500, "server_error", "the development provider failed"));
        }
    }

    /** RFC 6749 §5.2: {@code {"error", "error_description"}}. */
    private void error(HttpExchange exchange, OAuthError e) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        OidcHttp.json(exchange, e.status(), json.writeValueAsBytes(body));
    }

    Map<String, Object> discovery() {
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("issuer", issuer);
        discovery.put("authorization_endpoint", issuer + "/authorize");
        discovery.put("token_endpoint", issuer + "/oauth2/token");
        discovery.put("device_authorization_endpoint", issuer + "/oauth2/device_authorization");
        discovery.put("jwks_uri", issuer + "/jwks.json");
        discovery.put("response_types_supported", List.of("code"));
        discovery.put("response_modes_supported", List.of("query"));
        discovery.put("grant_types_supported", List.of("authorization_code", "refresh_token", TokenEndpoint.DEVICE_CODE_GRANT));
        discovery.put("code_challenge_methods_supported", List.of(Pkce.S256));
        discovery.put("subject_types_supported", List.of("public"));
        discovery.put("id_token_signing_alg_values_supported", List.of("ES256"));
        discovery.put("scopes_supported", AuthorizationRequest.SCOPES.stream().sorted().toList());
        discovery.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nbf", "auth_time", "nonce", "azp",
                DevTokenIssuer.GROUPS_CLAIM));
        discovery.put("token_endpoint_auth_methods_supported", List.of("none"));
        discovery.put("authorization_response_iss_parameter_supported", true);
        discovery.put("service_documentation", "docs/LOCAL.md (local development only)");
        return discovery;
    }
}
