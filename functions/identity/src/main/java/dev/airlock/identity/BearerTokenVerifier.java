package dev.airlock.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.domain.error.UnavailableException;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies a bearer JWT with Nimbus JOSE+JWT: the signature against the issuer's JWK set with an
 * algorithm from {@link #ALGORITHMS} only (never {@code none}, never HMAC, so a public key cannot be
 * used as a shared secret), {@code iss} exactly, the audience, {@code exp} present, numeric and in the
 * future, {@code nbf} (when present) in the past, both with {@link #MAX_CLOCK_SKEW}. "Now" is read from
 * the {@link Clock} on every call, so nothing about time is fixed at start-up (a SnapStart snapshot
 * restores hours later).
 *
 * <p>One verifier serves the Lambda functions, the local gateway and the CLI; it is thread-safe.
 * Why a token failed is never echoed beyond a fixed phrase: neither the token nor its claims belong
 * in a response or a log.
 */
public final class BearerTokenVerifier {

    /** Tolerated clock difference between the issuer and us (RFC 7519 §4.1.4 allows "some small leeway"). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    /** How long a caller should wait after the issuer's keys could not be fetched. */
    public static final Duration KEYS_RETRY_AFTER = Duration.ofSeconds(5);
    /** Longest token accepted; API Gateway's header limits are of the same order. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** Asymmetric signatures only (RFC 7518 §3.1): RSA PKCS#1 v1.5, RSA-PSS and ECDSA. */
    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /** {@code typ} values accepted: none, {@code JWT}, and RFC 9068's access-token types. */
    private static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"));

    private final String issuer;
    private final Set<String> audiences;
    private final DefaultJWTProcessor<SecurityContext> processor;

    /**
     * @param issuer   the exact {@code iss} accepted
     * @param audiences the audiences accepted ({@code aud} holding one, or {@code client_id} equal to one
     *                  when the token has no {@code aud}, as API Gateway's JWT authorizer accepts)
     * @param keys     the issuer's public keys ({@link JwkSources})
     * @param clock    read on every call
     */
    public BearerTokenVerifier(String issuer, Set<String> audiences, JWKSource<SecurityContext> keys, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audiences = Set.copyOf(audiences);
        if (this.audiences.isEmpty()) {
            throw new IllegalArgumentException("at least one audience is required");
        }
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        processor = new DefaultJWTProcessor<>();
        Set<JOSEObjectType> types = new HashSet<>(TYPES);
        types.add(null);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(types));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        ClockedClaimsVerifier claims = new ClockedClaimsVerifier(issuer, clock);
        claims.setMaxClockSkew((int) MAX_CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** A verifier for {@code settings}: its issuer and audience, keys from {@link JwkSources#forSettings}. */
    public static BearerTokenVerifier forSettings(IdentitySettings settings, Clock clock) {
        return new BearerTokenVerifier(settings.issuer(), Set.copyOf(settings.audiences()), JwkSources.forSettings(settings), clock);
    }

    /**
     * The verified claims of the {@code Authorization} header's bearer token.
     *
     * @throws UnauthenticatedException {@code no_token} when there is no {@code Bearer} token,
     *         {@code invalid_token} when it does not verify, {@link UnavailableException} {@code keys_unavailable} (503) when the issuer's keys
     *         cannot be fetched
     */
    public VerifiedToken verify(Optional<String> authorizationHeader) {
        String token = bearerToken(authorizationHeader).orElseThrow(() -> new UnauthenticatedException("no_token",
                "an Authorization: Bearer token from the configured issuer is required"));
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (RateLimitReachedException e) {
            // An unknown key id while refreshes are rate-limited: a token signed by a key the issuer does not publish.
            throw invalid();
        } catch (JwkSources.IssuerMisconfiguredException e) {
            throw new UnauthenticatedException("keys_unavailable", "the issuer's signing keys could not be fetched");
        } catch (KeySourceException e) {
            // The issuer's outage is transient and not the caller's fault: 503 + Retry-After, so clients retry.
            throw new UnavailableException("keys_unavailable", "the issuer's signing keys could not be fetched",
                    KEYS_RETRY_AFTER, e);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw invalid();
        }
        if (!hasAudience(claims)) {
            throw invalid();
        }
        return new VerifiedToken(claims.toJSONObject());
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive), if well-formed and not huge. */
    public static Optional<String> bearerToken(Optional<String> authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isEmpty()) {
            return Optional.empty();
        }
        String value = authorizationHeader.get().trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    public String issuer() {
        return issuer;
    }

    public Set<String> audiences() {
        return audiences;
    }

    /** {@code aud} holds an accepted audience; without {@code aud}, {@code client_id} equals it (Cognito access tokens). */
    private boolean hasAudience(JWTClaimsSet claims) {
        Object aud = claims.getClaims().get("aud");
        if (aud != null) {
            List<String> audiences = claims.getAudience();
            return audiences != null && audiences.stream().anyMatch(this.audiences::contains);
        }
        return claims.getClaims().get("client_id") instanceof String clientId && audiences.contains(clientId);
    }

    private static UnauthenticatedException invalid() {
        return new UnauthenticatedException("invalid_token", "the bearer token is not valid: it must be signed by"
                + " the configured issuer for this audience and be within its validity period");
    }

    /**
     * Nimbus's claims verifier with "now" from a {@link Clock} and a numeric {@code exp} required: a token
     * with {@code "exp": null} or none would never expire.
     */
    private static final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;

        ClockedClaimsVerifier(String issuer, Clock clock) {
            super(null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iss", "exp"));
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws com.nimbusds.jwt.proc.BadJWTException {
            Map<String, Object> all = claims.getClaims();
            if (!(all.get("exp") instanceof Date)) {
                throw new com.nimbusds.jwt.proc.BadJWTException("exp must be a number");
            }
            if (all.containsKey("nbf") && !(all.get("nbf") instanceof Date)) {
                throw new com.nimbusds.jwt.proc.BadJWTException("nbf must be a number");
            }
            super.verify(claims, context);
        }
    }
}
