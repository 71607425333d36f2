package dev.airlock.cli.sso;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.identity.Caller;
import dev.airlock.identity.IdentitySettings;
import dev.airlock.identity.JwkSources;
import dev.airlock.identity.VerifiedToken;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies what the provider handed over before anything is stored or used, with the verifier the
 * functions use (functions/identity): the access token's signature, issuer, audience (the
 * deployment's) and validity period; the ID token's the same with the client as audience and the
 * request's {@code nonce} (OIDC Core §3.1.3.7).
 */
final class TokenChecks {

    private final Deployment deployment;
    private final IdentitySettings settings;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;

    TokenChecks(Deployment deployment, URI jwksUri, Clock clock) {
        this.deployment = deployment;
        this.settings = deployment.identitySettings(jwksUri);
        this.keys = JwkSources.forSettings(settings);
        this.clock = clock;
    }

    /** Who the access token names and when it expires. */
    record Holder(String user, java.util.List<String> groups, Instant expiresAt) {
    }

    Holder accessToken(String token) {
        VerifiedToken verified = verify(token, deployment.audience(), "access token");
        Caller caller;
        try {
            caller = verified.caller(settings);
        } catch (UnauthenticatedException e) {
            throw new CliException(Exit.DENIED, "the identity provider's access token names no usable user: " + e.getMessage());
        }
        if (!(verified.claims().get("exp") instanceof Number exp)) {
            throw new CliException(Exit.DENIED, "the identity provider's access token has no expiry");
        }
        return new Holder(caller.user(), caller.groups(), Instant.ofEpochSecond(exp.longValue()));
    }

    void idToken(Optional<String> token, String nonce) {
        String idToken = token.orElseThrow(() -> new CliException(Exit.DENIED,
                "the identity provider answered without an ID token (is 'openid' among the scopes?)"));
        VerifiedToken verified = verify(idToken, deployment.clientId(), "ID token");
        if (!nonce.equals(verified.claims().get("nonce"))) {
            throw new CliException(Exit.DENIED, "the identity provider's ID token carries the wrong nonce (a replayed sign-in?)");
        }
    }

    private VerifiedToken verify(String token, String audience, String what) {
        BearerTokenVerifier verifier = new BearerTokenVerifier(deployment.issuer(), Set.of(audience), keys, clock);
        try {
            return verifier.verify(Optional.of("Bearer " + token));
        } catch (UnauthenticatedException e) {
            throw new CliException(Exit.DENIED, "the identity provider's " + what + " did not verify (signature, issuer "
                    + deployment.issuer() + ", audience " + audience + ", expiry): " + e.code());
        }
    }
}
