package dev.airlock.local.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Authorization codes and refresh tokens, in memory and bounded. Each sign-in is a grant with an id;
 * its codes and its one live refresh token name it, so that
 * <ul>
 *   <li>a code is single use: redeeming it again refuses and revokes the refresh token issued from it
 *       (RFC 6749 §4.1.2; access tokens are stateless JWTs and simply expire);</li>
 *   <li>refresh tokens rotate (OAuth 2.0 Security BCP, RFC 9700 §4.14.2): {@code grantId.secret}; using one
 *       replaces the secret, and presenting an old secret revokes the grant, since either the client or
 *       a thief holds a copy.</li>
 * </ul>
 */
final class Grants {

    static final Duration CODE_TTL = Duration.ofSeconds(60);
    /** How long a sign-in lasts through refreshes before the user must sign in again. */
    static final Duration SESSION_TTL = Duration.ofHours(12);
    static final int CAPACITY = 1_000;

    /** What a code stands for; bound to the client, redirect URI, PKCE challenge and nonce of its request. */
    record Code(String grantId, AuthorizationRequest request, SignedIn signedIn) {
    }

    /** A sign-in session a client refreshes; {@code secret} is the current refresh token's secret part. */
    record Session(String grantId, String secret, String clientId, List<String> scopes, SignedIn signedIn,
                   Instant expires) {
        String refreshToken() {
            return grantId + "." + secret;
        }
    }

    private final Clock clock;
    private final BoundedExpiringMap<String, Code> codes;
    private final BoundedExpiringMap<String, String> redeemedCodes;
    private final BoundedExpiringMap<String, Session> sessions;

    Grants(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        codes = new BoundedExpiringMap<>(CAPACITY, clock);
        redeemedCodes = new BoundedExpiringMap<>(CAPACITY, clock);
        sessions = new BoundedExpiringMap<>(CAPACITY, clock);
    }

    /** A fresh one-time code for a completed sign-in. */
    String issueCode(AuthorizationRequest request, SignedIn signedIn) {
        String code = Secrets.opaque();
        codes.put(code, new Code(Secrets.opaque(), request, signedIn), clock.instant().plus(CODE_TTL));
        return code;
    }

    /**
     * Consumes {@code code} whatever happens next (a failed exchange burns it too); a code already
     * redeemed revokes its grant's session.
     */
    Code redeem(String code) {
        Optional<Code> live = codes.take(code);
        if (live.isPresent()) {
            redeemedCodes.put(code, live.get().grantId(), clock.instant().plus(SESSION_TTL));
            return live.get();
        }
        redeemedCodes.take(code).ifPresent(sessions::remove);
        throw OAuthError.invalidGrant("the authorization code is unknown, expired or already used");
    }

    /** Starts the refresh session of a grant (a code redeemed, a device approved). */
    Session startSession(String grantId, String clientId, List<String> scopes, SignedIn signedIn) {
        Instant expires = clock.instant().plus(SESSION_TTL);
        Session session = new Session(grantId, Secrets.opaque(), clientId, scopes, signedIn, expires);
        sessions.put(grantId, session, expires);
        return session;
    }

    /** Rotates a refresh token: the session with a new secret, or invalid_grant (revoking on reuse). */
    synchronized Session refresh(String refreshToken, String clientId) {
        int dot = refreshToken.indexOf('.');
        String grantId = dot < 0 ? refreshToken : refreshToken.substring(0, dot);
        String secret = dot < 0 ? "" : refreshToken.substring(dot + 1);
        Session session = sessions.get(grantId).orElseThrow(() ->
                OAuthError.invalidGrant("the refresh token is unknown, expired or revoked"));
        if (!MessageDigest.isEqual(secret.getBytes(StandardCharsets.US_ASCII),
                session.secret().getBytes(StandardCharsets.US_ASCII))) {
            sessions.remove(grantId);
            throw OAuthError.invalidGrant("the refresh token was already used; the session is revoked");
        }
        if (!session.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("the refresh token was issued to another client");
        }
        return sessions.update(grantId, current -> new Session(current.grantId(), Secrets.opaque(), current.clientId(),
                current.scopes(), current.signedIn(), current.expires())).orElseThrow(() ->
                OAuthError.invalidGrant("the refresh token is unknown, expired or revoked"));
    }
}
