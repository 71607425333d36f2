package dev.airlock.local.oidc;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validated authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1). Parsing
 * follows RFC 6749 §4.1.2.1: a missing, unknown or mismatching client or redirect URI is never
 * redirected to ({@link Unredirectable}); every other error goes back to the redirect URI
 * ({@link Redirectable}).
 */
record AuthorizationRequest(OidcClients.Client client, String redirectUri, Optional<String> state,
                            Optional<String> nonce, String codeChallenge, List<String> scopes) {

    static final Set<String> SCOPES = Set.of("openid", "profile", "groups", "offline_access");
    static final int MAX_STATE_CHARS = 512;

    AuthorizationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeChallenge, "codeChallenge");
        scopes = List.copyOf(scopes);
    }

    /** An error shown on the provider's own page: there is no trustworthy place to redirect to. */
    static final class Unredirectable extends RuntimeException {
        Unredirectable(String message) {
            super(message, null, false, false);
        }
    }

    /** An error sent back to the client's (validated) redirect URI with its state. */
    static final class Redirectable extends RuntimeException {
        private final transient String redirectUri;
        private final transient Optional<String> state;
        private final transient OAuthError error;

        Redirectable(String redirectUri, Optional<String> state, OAuthError error) {
            super(error.getMessage(), null, false, false);
            this.redirectUri = redirectUri;
            this.state = state;
            this.error = error;
        }

        String location() {
            return AuthorizationRequest.location(redirectUri, Map.of("error", error.error(),
                    "error_description", error.getMessage()), state);
        }
    }

    static AuthorizationRequest parse(Map<String, List<String>> parameters, OidcClients clients) {
        OidcClients.Client client;
        String redirectUri;
        try {
            client = OidcHttp.single(parameters, "client_id").flatMap(clients::find)
                    .orElseThrow(() -> new Unredirectable("unknown or missing client_id (known: "
                            + String.join(", ", clients.ids()) + ")"));
            redirectUri = OidcHttp.single(parameters, "redirect_uri")
                    .filter(uri -> OidcClients.allowsRedirect(client, uri))
                    .orElseThrow(() -> new Unredirectable("missing redirect_uri, or one this client may not use"
                            + (client.loopbackRedirects() ? " (a loopback URI such as http://127.0.0.1:PORT/callback)" : "")));
        } catch (OAuthError e) {
            throw new Unredirectable(e.getMessage());
        }
        Optional<String> state = Optional.empty();
        try {
            state = bounded(parameters, "state");
            return new AuthorizationRequest(client, redirectUri, state, bounded(parameters, "nonce"),
                    challenge(parameters), scopes(parameters));
        } catch (OAuthError e) {
            throw new Redirectable(redirectUri, state, e);
        }
    }

    /** Where the browser goes after sign-in: code, state and (RFC 9207) the issuer. */
    String successLocation(String code, String issuer) {
        return location(redirectUri, Map.of("code", code, "iss", issuer), state);
    }

    /** Where the browser goes when the user cancels (RFC 6749 §4.1.2.1 access_denied). */
    String deniedLocation() {
        return location(redirectUri, Map.of("error", "access_denied",
                "error_description", "the user did not sign in"), state);
    }

    /** The origin (scheme://authority) of the redirect URI, for the page's form-action policy. */
    String redirectOrigin() {
        URI uri = URI.create(redirectUri);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String location(String redirectUri, Map<String, String> parameters, Optional<String> state) {
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry ->
                location.append(entry.getKey()).append('=').append(OidcHttp.encode(entry.getValue())).append('&'));
        state.ifPresent(value -> location.append("state=").append(OidcHttp.encode(value)).append('&'));
        location.setLength(location.length() - 1);
        return location.toString();
    }

    private static String challenge(Map<String, List<String>> parameters) {
        if (!OidcHttp.single(parameters, "response_type").orElse("").equals("code")) {
            throw new OAuthError("unsupported_response_type", "response_type must be 'code'");
        }
        String challenge = OidcHttp.single(parameters, "code_challenge").orElseThrow(() ->
                OAuthError.invalidRequest("code_challenge is required (PKCE, RFC 7636)"));
        if (!OidcHttp.single(parameters, "code_challenge_method").orElse("plain").equals(Pkce.S256)) {
            throw OAuthError.invalidRequest("code_challenge_method must be S256 ('plain' is not supported)");
        }
        if (!Pkce.isChallenge(challenge)) {
            throw OAuthError.invalidRequest("code_challenge must be 43 base64url characters");
        }
        return challenge;
    }

    static List<String> scopes(Map<String, List<String>> parameters) {
        String text = OidcHttp.single(parameters, "scope").orElse("openid");
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(text.trim().split(" +")));
        if (!SCOPES.containsAll(scopes)) {
            throw new OAuthError("invalid_scope", "supported scopes: " + String.join(" ", SCOPES.stream().sorted().toList()));
        }
        if (!scopes.contains("openid")) {
            throw new OAuthError("invalid_scope", "scope must include 'openid'");
        }
        return List.copyOf(scopes);
    }

    private static Optional<String> bounded(Map<String, List<String>> parameters, String name) {
        Optional<String> value = OidcHttp.single(parameters, name);
        if (value.isPresent() && (value.get().length() > MAX_STATE_CHARS
                || !value.get().chars().allMatch(c -> c >= 0x20 && c != 0x7f))) {
            throw OAuthError.invalidRequest("'" + name + "' must be at most " + MAX_STATE_CHARS + " printable characters");
        }
        return value;
    }
}
