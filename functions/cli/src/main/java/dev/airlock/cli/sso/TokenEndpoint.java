package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.NetworkFailure;
import dev.airlock.cli.http.Response;
import dev.airlock.cli.http.Transport;
import dev.airlock.cli.text.Json;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Form posts to the provider's token and device authorization endpoints as a public client (no
 * secret, {@code client_id} in the body: RFC 6749 §2.3, §4.1.3, §6; RFC 8628 §3.1, §3.4). Errors are
 * RFC 6749 §5.2 JSON; {@link OAuthRefusal} carries their code for the device flow's polling.
 */
final class TokenEndpoint {

    private final Transport transport;
    private final String clientId;

    TokenEndpoint(Transport transport, String clientId) {
        this.transport = transport;
        this.clientId = clientId;
    }

    /** Grants answered with tokens; a refusal throws {@link OAuthRefusal}. */
    Tokens grant(URI endpoint, Map<String, String> parameters) {
        ObjectNode json = post(endpoint, parameters);
        String access = Json.text(json, "access_token").orElseThrow(() -> new CliException(Exit.UNAVAILABLE,
                "the identity provider answered without an access token"));
        long expiresIn = json.path("expires_in").isNumber() ? json.path("expires_in").asLong() : 0;
        return new Tokens(access, Json.text(json, "id_token"), Json.text(json, "refresh_token"), expiresIn);
    }

    ObjectNode post(URI endpoint, Map<String, String> parameters) {
        Map<String, String> form = new LinkedHashMap<>(parameters);
        form.put("client_id", clientId);
        Response response;
        try {
            response = transport.postForm(endpoint, encode(form));
        } catch (NetworkFailure e) {
            throw new CliException(Exit.UNAVAILABLE, "cannot reach the identity provider at " + endpoint + ": "
                    + e.getMessage());
        }
        Optional<ObjectNode> json = response.jsonObject();
        if (response.ok() && json.isPresent()) {
            return json.get();
        }
        if (json.isPresent() && Json.text(json.get(), "error").isPresent()) {
            throw new OAuthRefusal(Json.text(json.get(), "error").get(),
                    Json.text(json.get(), "error_description").orElse(""));
        }
        throw new CliException(Exit.UNAVAILABLE, "unexpected reply from " + endpoint + " (HTTP " + response.status() + ")");
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A token response (RFC 6749 §5.1); {@code expiresIn} 0 when the provider did not say. */
    record Tokens(String accessToken, Optional<String> idToken, Optional<String> refreshToken, long expiresIn) {
    }

    /** An OAuth error answer: {@code error} and its description, as the provider wrote them. */
    static final class OAuthRefusal extends CliException {

        private static final long serialVersionUID = 1L;

        private final String error;

        OAuthRefusal(String error, String description) {
            super(Exit.DENIED, "the identity provider refused: " + error + (description.isEmpty() ? "" : " (" + description + ")"));
            this.error = error;
        }

        String error() {
            return error;
        }
    }
}
