package dev.airlock.cli.sso;

import dev.airlock.cli.text.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One signed-in session for one Airlock URL, as cached on disk: the verified access token with who it
 * names and when it expires, the refresh token when the provider offered one, and where to refresh it.
 */
public record Session(String url, Deployment deployment, URI tokenEndpoint, URI jwksUri, String accessToken,
                      Instant expiresAt, Optional<String> refreshToken, String user, List<String> groups,
                      Instant signedInAt) {

    /** A token this close to its expiry is refreshed first: it could expire in flight. */
    static final Duration EARLY = Duration.ofSeconds(30);

    boolean usableAt(Instant now) {
        return now.plus(EARLY).isBefore(expiresAt);
    }

    Session refreshed(String access, TokenChecks.Holder holder, Optional<String> newRefresh) {
        return new Session(url, deployment, tokenEndpoint, jwksUri, access, holder.expiresAt(),
                newRefresh.or(() -> refreshToken), holder.user(), holder.groups(), signedInAt);
    }

    String toJson() {
        ObjectNode json = Json.object().put("url", url).put("issuer", deployment.issuer())
                .put("clientId", deployment.clientId()).put("audience", deployment.audience())
                .put("userClaim", deployment.userClaim()).put("groupsClaim", deployment.groupsClaim())
                .put("apiVersion", deployment.apiVersion())
                .put("tokenEndpoint", tokenEndpoint.toString()).put("jwksUri", jwksUri.toString())
                .put("accessToken", accessToken).put("expiresAt", expiresAt.toString())
                .put("user", user).put("signedInAt", signedInAt.toString());
        deployment.scopes().forEach(json.putArray("scopes")::add);
        refreshToken.ifPresent(token -> json.put("refreshToken", token));
        deployment.redirectUri().ifPresent(uri -> json.put("redirectUri", uri.toString()));
        ArrayNode names = json.putArray("groups");
        groups.forEach(names::add);
        return Json.compact(json);
    }

    /** The cached session, or empty when the file is not one (then it is as if signed out). */
    static Optional<Session> parse(String text) {
        try {
            return Json.parseObject(text).map(Session::of);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Session of(ObjectNode json) {
        Deployment deployment = new Deployment(field(json, "issuer"), field(json, "clientId"), field(json, "audience"),
                strings(json.path("scopes")), field(json, "userClaim"), field(json, "groupsClaim"),
                Json.text(json, "apiVersion").orElse(""), Json.text(json, "redirectUri").map(URI::create));
        return new Session(field(json, "url"), deployment, URI.create(field(json, "tokenEndpoint")),
                URI.create(field(json, "jwksUri")), field(json, "accessToken"), Instant.parse(field(json, "expiresAt")),
                Json.text(json, "refreshToken"), field(json, "user"), strings(json.path("groups")),
                Instant.parse(field(json, "signedInAt")));
    }

    private static String field(ObjectNode json, String name) {
        return Json.text(json, name).orElseThrow(() -> new IllegalArgumentException("no " + name));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return List.copyOf(values);
    }
}
