package dev.airlock.local;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens the way API Gateway's JWT authorizer does: signature against the issuer's JWK
 * set (ES256 only), exact {@code iss}, {@code aud} containing the expected audience, {@code exp} and
 * {@code nbf} with a small clock skew. Uses Nimbus JOSE's {@link DefaultJWTProcessor}; time comes from
 * an injected {@link Clock} so tests can expire tokens without waiting.
 */
public final class TokenVerifier {

    /** Tolerated clock difference between issuer and gateway (API Gateway allows a little too). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(30);
    /** Longest token accepted; API Gateway's header limits are of the same order. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;

    public TokenVerifier(JWKSet publicKeys, String issuer, String audience, Clock clock) {
        Objects.requireNonNull(publicKeys, "publicKeys");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clock, "clock");
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(publicKeys)));
        ClockedClaimsVerifier claims = new ClockedClaimsVerifier(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat"), clock);
        claims.setMaxClockSkew((int) MAX_CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The verified claims of the {@code Authorization} header's bearer token, or empty when there is
     * none or it does not verify. Why it failed is deliberately not reported: the caller answers 401
     * either way, and neither the token nor the reason belongs in a log.
     */
    public Optional<JWTClaimsSet> verify(Optional<String> authorizationHeader) {
        Optional<String> token = bearerToken(authorizationHeader);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(processor.process(token.get(), null));
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The token of {@code Bearer <token>} (scheme case-insensitive), if well-formed and not huge. */
    static Optional<String> bearerToken(Optional<String> authorizationHeader) {
        if (authorizationHeader.isEmpty()) {
            return Optional.empty();
        }
        String value = authorizationHeader.get().trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS || token.contains(" ")) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Nimbus's claims verifier reading "now" from a {@link Clock}. */
    private static final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;

        ClockedClaimsVerifier(String audience, JWTClaimsSet exactMatch, Set<String> required, Clock clock) {
            super(audience, exactMatch, required);
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }
}
