package dev.airlock.local;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.identity.VerifiedToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's first gate: the shared {@link BearerTokenVerifier}, configured as {@link LocalGateway}
 * configures it for the development issuer. Every token below differs from a valid one in exactly one
 * respect, and each test first shows the valid one passing, so a refusal cannot come from an unrelated
 * mistake in the test.
 */
class GatewayTokenVerificationTest {

    private static final String ISSUER = DevTokenIssuer.issuerUrl(8080);
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));
    private final DevTokenIssuer issuer = DevTokenIssuer.inMemory(ISSUER, clock);
    private final BearerTokenVerifier bearer = new BearerTokenVerifier(ISSUER, Set.of(DevTokenIssuer.AUDIENCE),
            new ImmutableJWKSet<>(issuer.publicKeys()), clock);
    private final Gate verifier = header -> {
        try {
            return Optional.of(bearer.verify(header));
        } catch (UnauthenticatedException e) {
            return Optional.empty();
        }
    };

    /** The verifier's answer as "verified or not". */
    private interface Gate {
        Optional<VerifiedToken> verify(Optional<String> header);
    }

    private Optional<VerifiedToken> verify(String token) {
        return verifier.verify(Optional.of("Bearer " + token));
    }

    private String valid() {
        return issuer.mint("bob", List.of("contractors"), Duration.ofHours(1));
    }

    @Test
    void verify_shouldReturnTheClaimsOfAValidToken() {
        assertThat(verify(valid())).hasValueSatisfying(c -> assertThat(c.claims()).containsEntry("sub", "bob"));
        assertThat(verifier.verify(Optional.of("bearer " + valid()))).as("scheme is case-insensitive").isPresent();
    }

    @Test
    void verify_shouldRefuseAMissingOrMalformedHeader() {
        assertThat(verifier.verify(Optional.empty())).isEmpty();
        assertThat(verifier.verify(Optional.of(valid()))).as("no scheme").isEmpty();
        assertThat(verifier.verify(Optional.of("Basic " + valid()))).isEmpty();
        assertThat(verifier.verify(Optional.of("Bearer "))).isEmpty();
        assertThat(verifier.verify(Optional.of("Bearer not.a.jwt"))).isEmpty();
        assertThat(verifier.verify(Optional.of("Bearer " + "a".repeat(BearerTokenVerifier.MAX_TOKEN_CHARS + 1)))).isEmpty();
    }

    @Test
    void verify_shouldRefuseATokenSignedByAnotherKeyWithTheSameKeyId() throws Exception {
        DevTokenIssuer forger = DevTokenIssuer.inMemory(ISSUER, clock);
        String kid = issuer.publicKeys().getKeys().get(0).getKeyID();
        JWTClaimsSet claims = issuer.claims("bob", List.of("dba-reviewers"), clock.instant(),
                clock.instant().plusSeconds(600)).build();
        SignedJWT forged = SignedJWT.parse(forger.sign(claims));
        SignedJWT relabelled = new SignedJWT(new JWSHeader.Builder(forged.getHeader()).keyID(kid).build().toBase64URL(),
                forged.getPayload().toBase64URL(), forged.getSignature());

        assertThat(verify(valid())).isPresent();
        assertThat(verify(relabelled.serialize())).isEmpty();
        assertThat(verify(forged.serialize())).isEmpty();
    }

    @Test
    void verify_shouldRefuseATamperedPayload() throws Exception {
        SignedJWT jwt = SignedJWT.parse(valid());
        JWTClaimsSet elevated = new JWTClaimsSet.Builder(jwt.getJWTClaimsSet()).claim("groups", List.of("dba-reviewers")).build();
        String tampered = jwt.getHeader().toBase64URL() + "." + com.nimbusds.jose.util.Base64URL.encode(elevated.toString())
                + "." + jwt.getSignature();

        assertThat(verify(tampered)).isEmpty();
    }

    @Test
    void verify_shouldRefuseExpiredTokensAllowingOnlyTheSmallSkew() {
        String token = issuer.mint("bob", List.of(), Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5).plus(BearerTokenVerifier.MAX_CLOCK_SKEW).minusSeconds(1));
        assertThat(verify(token)).isPresent();

        clock.advance(Duration.ofSeconds(2));

        assertThat(verify(token)).isEmpty();
    }

    @Test
    void verify_shouldRefuseTokensNotValidYet() {
        Instant later = clock.instant().plus(Duration.ofMinutes(10));
        String early = issuer.sign(issuer.claims("bob", List.of(), later, later.plusSeconds(600)).build());

        assertThat(verify(early)).isEmpty();
    }

    @Test
    void verify_shouldRefuseAnotherAudienceOrIssuer() {
        Instant now = clock.instant();
        String otherAudience = issuer.sign(issuer.claims("bob", List.of(), now, now.plusSeconds(600))
                .audience("someone-else").build());
        String otherIssuer = issuer.sign(issuer.claims("bob", List.of(), now, now.plusSeconds(600))
                .issuer("http://127.0.0.1:9999/dev").build());

        assertThat(verify(otherAudience)).isEmpty();
        assertThat(verify(otherIssuer)).isEmpty();
    }

    /** A token without a user claim passes this gate, as API Gateway's; the function refuses it (no_user). */
    @Test
    void verify_shouldRefuseTokensWithoutExpiry() {
        Instant now = clock.instant();
        String noExpiry = issuer.sign(issuer.claims("bob", List.of(), now, now.plusSeconds(600))
                .expirationTime(null).build());

        assertThat(verify(valid())).isPresent();
        assertThat(verify(noExpiry)).isEmpty();
    }

    @Test
    void verify_shouldRefuseUnsignedAndSymmetricallySignedTokens() throws Exception {
        Instant now = clock.instant();
        JWTClaimsSet claims = issuer.claims("bob", List.of(), now, now.plusSeconds(600)).build();
        String unsigned = new PlainJWT(claims).serialize();
        // HS256 keyed with the public key's JSON: the classic algorithm-confusion forgery.
        JWK publicKey = issuer.publicKeys().getKeys().get(0);
        byte[] secret = java.util.Arrays.copyOf(publicKey.toJSONString().getBytes(), 64);
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(publicKey.getKeyID()).build(), claims);
        hmac.sign(new MACSigner(secret));

        assertThat(verify(unsigned)).isEmpty();
        assertThat(verify(hmac.serialize())).isEmpty();
    }
}
