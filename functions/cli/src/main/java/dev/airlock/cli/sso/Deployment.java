package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.auth.Unreachable;
import dev.airlock.cli.http.NetworkFailure;
import dev.airlock.cli.http.Response;
import dev.airlock.cli.http.Transport;
import dev.airlock.cli.text.Json;
import dev.airlock.identity.IdentitySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a deployment tells its CLI (docs/API.md, {@code GET /.well-known/airlock}, no token): whom to
 * sign in with ({@code issuer}, {@code clientId}, {@code scopes}), which audience the API accepts, and
 * which claims name the user and the groups. So {@code AIRLOCK_URL} is all a person sets.
 */
public record Deployment(String issuer, String clientId, String audience, List<String> scopes, String userClaim,
                         String groupsClaim, String apiVersion, java.util.Optional<URI> redirectUri) {

    /** Without a fixed redirect URI: any port on 127.0.0.1 (RFC 8252 §7.3). */
    public Deployment(String issuer, String clientId, String audience, List<String> scopes, String userClaim,
                      String groupsClaim, String apiVersion) {
        this(issuer, clientId, audience, scopes, userClaim, groupsClaim, apiVersion, java.util.Optional.empty());
    }

    public static final String PATH = "/.well-known/airlock";

    /** Fetches and checks the deployment's settings. */
    public static Deployment fetch(Transport transport, URI apiUrl) {
        URI uri = URI.create(apiUrl + PATH);
        Response response;
        try {
            response = transport.send("GET", uri, null, Map.of());
        } catch (NetworkFailure e) {
            throw Unreachable.of(apiUrl, uri, e);
        }
        if (response.status() == 404) {
            throw new CliException(Exit.UNAVAILABLE, apiUrl + " does not offer single sign-on (no " + PATH
                    + "); set AIRLOCK_TOKEN or AIRLOCK_TOKEN_COMMAND instead");
        }
        ObjectNode json = response.jsonObject().filter(any -> response.ok()).orElseThrow(() -> new CliException(
                Exit.UNAVAILABLE, "unexpected reply from " + uri + " (HTTP " + response.status() + ")"));
        return parse(json, uri);
    }

    static Deployment parse(ObjectNode json, URI from) {
        String issuer = required(json, "issuer", from);
        if (!IdentitySettings.isTrustworthyUrl(issuer)) {
            throw new CliException(Exit.UNAVAILABLE, from + " names an issuer that is not an https URL");
        }
        List<String> scopes = new ArrayList<>();
        JsonNode listed = json.path("scopes");
        if (listed.isArray()) {
            listed.forEach(scope -> scopes.add(scope.asString()));
        }
        if (!scopes.contains("openid")) {
            scopes.add(0, "openid");
        }
        return new Deployment(issuer, required(json, "clientId", from), required(json, "audience", from),
                List.copyOf(scopes), Json.text(json, "userClaim").orElse(IdentitySettings.DEFAULT_USER_CLAIM),
                Json.text(json, "groupsClaim").orElse(IdentitySettings.DEFAULT_GROUPS_CLAIM),
                Json.text(json, "apiVersion").orElse(""), Json.text(json, "redirectUri").map(uri -> loopback(uri, from)));
    }

    /**
     * A fixed redirect URI, for providers that match the port exactly (Cognito): {@code http} on
     * {@code localhost} or {@code 127.0.0.1} with a port, path {@code /callback}.
     */
    private static URI loopback(String text, URI from) {
        try {
            URI uri = new URI(text);
            boolean ok = "http".equals(uri.getScheme()) && ("localhost".equals(uri.getHost())
                    || "127.0.0.1".equals(uri.getHost())) && uri.getPort() > 0 && "/callback".equals(uri.getPath())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (ok) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new CliException(Exit.UNAVAILABLE, from + " names a redirectUri that is not http://localhost:PORT/callback "
                + "or http://127.0.0.1:PORT/callback");
    }

    private static String required(ObjectNode json, String field, URI from) {
        return Json.text(json, field).filter(value -> !value.isBlank()).orElseThrow(() -> new CliException(
                Exit.UNAVAILABLE, from + " lacks '" + field + "'"));
    }

    /** The settings the shared verifier needs for this deployment's access tokens. */
    IdentitySettings identitySettings(URI jwksUri) {
        return new IdentitySettings(issuer, List.of(audience), java.util.Optional.of(jwksUri), userClaim, groupsClaim);
    }
}
