package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.NetworkFailure;
import dev.airlock.cli.http.Response;
import dev.airlock.cli.http.Transport;
import dev.airlock.cli.text.Json;
import dev.airlock.identity.IdentitySettings;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The identity provider's endpoints from its discovery document (OpenID Connect Discovery 1.0 §4), which
 * must name the very issuer asked for (§4.3) and only trustworthy URLs (https; http on loopback only).
 */
record ProviderMetadata(URI authorizationEndpoint, URI tokenEndpoint, Optional<URI> deviceAuthorizationEndpoint,
                        URI jwksUri) {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    static ProviderMetadata discover(Transport transport, String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        URI uri = URI.create(base + DISCOVERY_PATH);
        Response response;
        try {
            response = transport.send("GET", uri, null, Map.of());
        } catch (NetworkFailure e) {
            throw new CliException(Exit.UNAVAILABLE, "cannot reach the identity provider at " + uri + ": " + e.getMessage());
        }
        ObjectNode json = response.jsonObject().filter(any -> response.ok()).orElseThrow(() -> new CliException(
                Exit.UNAVAILABLE, "the identity provider's discovery document " + uri + " could not be read (HTTP "
                        + response.status() + ")"));
        if (!issuer.equals(Json.text(json, "issuer").orElse(""))) {
            throw new CliException(Exit.UNAVAILABLE, "the discovery document " + uri + " names another issuer");
        }
        return new ProviderMetadata(endpoint(json, "authorization_endpoint", uri), endpoint(json, "token_endpoint", uri),
                Json.text(json, "device_authorization_endpoint").map(any -> endpoint(json, "device_authorization_endpoint", uri)),
                endpoint(json, "jwks_uri", uri));
    }

    private static URI endpoint(ObjectNode json, String field, URI from) {
        String value = Json.text(json, field).orElseThrow(() -> new CliException(Exit.UNAVAILABLE,
                "the discovery document " + from + " lacks " + field));
        if (!IdentitySettings.isTrustworthyUrl(value)) {
            throw new CliException(Exit.UNAVAILABLE, "the discovery document's " + field + " is not an https URL");
        }
        return URI.create(value);
    }
}
