package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Console;
import dev.airlock.cli.Environment;
import dev.airlock.cli.Exit;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenID Connect's authorization code flow for a native app (RFC 8252): PKCE S256, a loopback redirect,
 * the browser opened (or the URL printed), then {@code state} checked before anything else in the
 * response (RFC 6749 §10.12), the issuer too when the provider names it (RFC 9207), the code redeemed
 * with the verifier, and the ID token's {@code nonce} checked.
 */
final class AuthorizationCodeFlow {

    /** How long a person has to finish signing in. */
    static final Duration SIGN_IN_LIMIT = Duration.ofMinutes(5);

    private final Console console;
    private final Environment env;

    AuthorizationCodeFlow(Console console, Environment env) {
        this.console = console;
        this.env = env;
    }

    TokenEndpoint.Tokens run(Deployment deployment, ProviderMetadata provider, TokenEndpoint tokens, TokenChecks checks) {
        Pkce pkce = Pkce.fresh();
        try (LoopbackReceiver receiver = LoopbackReceiver.start(deployment.redirectUri())) {
            URI url = authorizationUrl(deployment, provider, pkce, receiver.redirectUri());
            boolean opened = Browser.open(env, url);
            console.note(opened ? "Opening the browser to sign in; if it does not open, visit this URL:"
                    : "Open this URL in a browser to sign in:");
            console.note(url.toString());
            Map<String, String> response = receiver.await(SIGN_IN_LIMIT);
            String code = codeOf(response, pkce, deployment.issuer());
            TokenEndpoint.Tokens answer = tokens.grant(provider.tokenEndpoint(), Map.of("grant_type",
                    "authorization_code", "code", code, "redirect_uri", receiver.redirectUri().toString(),
                    "code_verifier", pkce.verifier()));
            checks.idToken(answer.idToken(), pkce.nonce());
            return answer;
        }
    }

    static URI authorizationUrl(Deployment deployment, ProviderMetadata provider, Pkce pkce, URI redirect) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", deployment.clientId());
        query.put("redirect_uri", redirect.toString());
        query.put("scope", String.join(" ", deployment.scopes()));
        query.put("state", pkce.state());
        query.put("nonce", pkce.nonce());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        String base = provider.authorizationEndpoint().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + TokenEndpoint.encode(query));
    }

    static String codeOf(Map<String, String> response, Pkce pkce, String issuer) {
        if (!pkce.state().equals(response.get("state"))) {
            throw new CliException(Exit.DENIED, "refused the sign-in response: its state does not match this sign-in's"
                    + " (a forged or stale redirect); nothing was stored");
        }
        if (response.containsKey("iss") && !issuer.equals(response.get("iss"))) {
            throw new CliException(Exit.DENIED, "refused the sign-in response: it comes from another issuer");
        }
        if (response.containsKey("error")) {
            throw new CliException(Exit.DENIED, "sign-in failed: " + response.get("error")
                    + (response.containsKey("error_description") ? " (" + response.get("error_description") + ")" : ""));
        }
        String code = response.getOrDefault("code", "");
        if (code.isEmpty()) {
            throw new CliException(Exit.DENIED, "refused the sign-in response: it carries no code");
        }
        return code;
    }
}
