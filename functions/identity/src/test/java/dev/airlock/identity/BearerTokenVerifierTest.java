package dev.airlock.identity;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.identity.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-07T19:38:02Z");
    private static final TestIssuer ISSUER = TestIssuer.shared();

    private final BearerTokenVerifier verifier = new BearerTokenVerifier(ISSUER.issuer(), java.util.Set.of(TestIssuer.AUDIENCE),
            new ImmutableJWKSet<>(ISSUER.publicKeys()), Clock.fixed(NOW, ZoneOffset.UTC));

    private static JWTClaimsSet.Builder valid() {
        return ISSUER.claims("alice", List.of("dba-reviewers"))
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .notBeforeTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private VerifiedToken verify(String token) {
        return verifier.verify(Optional.of("Bearer " + token));
    }

    private void assertRefused(String token, String code) {
        assertThatThrownBy(() -> verify(token)).isInstanceOf(UnauthenticatedException.class)
                .extracting(e -> ((UnauthenticatedException) e).code()).isEqualTo(code);
    }

    @Test
    void verify_shouldReturnTheClaimsAsJson_arraysStayingArrays() {
        VerifiedToken token = verify(ISSUER.sign(valid().claim("groups", List.of("book club dba-reviewers")).build()));

        assertThat(token.claims()).containsEntry("sub", "alice")
                .containsEntry("groups", List.of("book club dba-reviewers"));
    }

    @Test
    void verify_shouldRefuseMissingOrMalformedAuthorization() {
        assertThatThrownBy(() -> verifier.verify(Optional.empty())).hasFieldOrPropertyWithValue("code", "no_token");
        assertThatThrownBy(() -> verifier.verify(Optional.of("Basic YWxpY2U6eA=="))).hasFieldOrPropertyWithValue("code", "no_token");
        assertThatThrownBy(() -> verifier.verify(Optional.of("Bearer "))).hasFieldOrPropertyWithValue("code", "no_token");
    }

    @Test
    void verify_whenTheIssuersKeysCannotBeFetched_shouldBeUnavailableNot401() {
        // GIVEN a JWK source whose fetch fails, as a remote JWKS does when the issuer is down
        BearerTokenVerifier down = new BearerTokenVerifier(ISSUER.issuer(), java.util.Set.of(TestIssuer.AUDIENCE),
                (selector, context) -> { throw new com.nimbusds.jose.KeySourceException("connection refused"); },
                Clock.fixed(NOW, ZoneOffset.UTC));

        // WHEN a valid token is verified THEN the caller is told to retry (503), not that the token is bad
        assertThatThrownBy(() -> down.verify(Optional.of("Bearer " + ISSUER.sign(valid().build()))))
                .isInstanceOf(dev.airlock.domain.error.UnavailableException.class)
                .hasFieldOrPropertyWithValue("code", "keys_unavailable");
    }

    @Test
    void verify_shouldRefuseAlgNone() {
        assertRefused(TestIssuer.unsigned(valid().build()), "invalid_token");
    }

    @Test
    void verify_shouldRefuseHs256KeyedWithThePublicKey() {
        assertRefused(ISSUER.hs256WithPublicKey(valid().build()), "invalid_token");
    }

    @Test
    void verify_shouldRefuseATokenSignedByAnotherKey() {
        try (TestIssuer other = TestIssuer.local()) {
            assertRefused(other.sign(valid().build()), "invalid_token");
        }
    }

    @Test
    void verify_shouldRefuseWrongIssuerOrAudience() {
        assertRefused(ISSUER.sign(valid().issuer("https://evil.example.com/").build()), "invalid_token");
        assertRefused(ISSUER.sign(valid().audience("another-app").build()), "invalid_token");
        assertRefused(ISSUER.sign(valid().audience((String) null).build()), "invalid_token");
    }

    @Test
    void verify_shouldAcceptClientIdWhenThereIsNoAudience_asApiGatewayDoes() {
        assertThat(verify(ISSUER.sign(valid().audience((String) null).claim("client_id", TestIssuer.AUDIENCE).build()))
                .claims()).containsEntry("client_id", TestIssuer.AUDIENCE);
        // With an aud, client_id does not count.
        assertRefused(ISSUER.sign(valid().audience("another-app").claim("client_id", TestIssuer.AUDIENCE).build()),
                "invalid_token");
    }

    @Test
    void verify_shouldRefuseExpiredAndNotYetValidTokens_withinTheSkewOnly() {
        assertRefused(ISSUER.sign(valid().expirationTime(Date.from(NOW.minusSeconds(61))).build()), "invalid_token");
        assertRefused(ISSUER.sign(valid().notBeforeTime(Date.from(NOW.plusSeconds(61))).build()), "invalid_token");
        assertThat(verify(ISSUER.sign(valid().expirationTime(Date.from(NOW.minusSeconds(30))).build())).claims())
                .containsKey("exp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"1794083882\"", "\"never\"", "true", "{}"})
    void verify_shouldRefuseAnExpThatIsNotANumber(String exp) {
        assertRefused(ISSUER.signJson(TestIssuer.withRawClaim(valid().build(), "exp", exp)), "invalid_token");
    }

    @Test
    void verify_shouldRefuseATokenWithoutExp() {
        assertRefused(ISSUER.sign(valid().expirationTime(null).build()), "invalid_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"soon\""})
    void verify_shouldRefuseAnNbfThatIsNotANumber(String nbf) {
        assertRefused(ISSUER.signJson(TestIssuer.withRawClaim(valid().build(), "nbf", nbf)), "invalid_token");
    }

    @Test
    void verify_shouldReadTheClockOnEveryCall() {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get(); }
        };
        BearerTokenVerifier verifier = new BearerTokenVerifier(ISSUER.issuer(), java.util.Set.of(TestIssuer.AUDIENCE),
                new ImmutableJWKSet<>(ISSUER.publicKeys()), moving);
        String token = ISSUER.sign(valid().build());
        assertThat(verifier.verify(Optional.of("Bearer " + token)).claims()).containsKey("sub");

        now.set(NOW.plusSeconds(3600 + 61));

        assertThatThrownBy(() -> verifier.verify(Optional.of("Bearer " + token)))
                .hasFieldOrPropertyWithValue("code", "invalid_token");
    }
}
