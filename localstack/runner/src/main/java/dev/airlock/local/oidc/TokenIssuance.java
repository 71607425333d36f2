package dev.airlock.local.oidc;

import dev.airlock.local.DevTokenIssuer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The successful token response (RFC 6749 §5.1, OIDC Core §3.1.3.3): an access token of exactly the
 * shape {@code POST /dev/token} mints (audience {@value DevTokenIssuer#AUDIENCE}, so the gateway and
 * the functions accept it), an ID token for the client, and the session's current refresh token.
 */
final class TokenIssuance {

    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    private final DevTokenIssuer issuer;

    TokenIssuance(DevTokenIssuer issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** The response body; {@code nonce} only on the first issue after sign-in (OIDC Core §12.2). */
    Map<String, Object> issue(Grants.Session session, Optional<String> nonce) {
        SignedIn who = session.signedIn();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", issuer.mint(who.user(), who.groups(), ACCESS_TOKEN_TTL));
        response.put("token_type", "Bearer");
        response.put("expires_in", ACCESS_TOKEN_TTL.toSeconds());
        response.put("refresh_token", session.refreshToken());
        response.put("scope", String.join(" ", session.scopes()));
        response.put("id_token", issuer.mintIdToken(who.user(), who.groups(), session.clientId(), nonce,
                who.authTime(), ACCESS_TOKEN_TTL));
        return response;
    }
}
