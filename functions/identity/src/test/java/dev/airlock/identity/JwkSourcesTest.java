package dev.airlock.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.identity.testing.TestIssuer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwkSourcesTest {

    @Test
    void forSettings_withoutJwksUrl_shouldFindTheKeysThroughDiscovery_onFirstUseOnly() {
        try (TestIssuer issuer = TestIssuer.local()) {
            IdentitySettings settings = new IdentitySettings(issuer.issuer(), List.of(TestIssuer.AUDIENCE), Optional.empty(),
                    "sub", "groups");
            BearerTokenVerifier verifier = BearerTokenVerifier.forSettings(settings, Clock.systemUTC());
            assertThat(issuer.jwksFetches()).isZero();

            VerifiedToken token = verifier.verify(Optional.of("Bearer " + issuer.token("alice", List.of())));
            verifier.verify(Optional.of("Bearer " + issuer.token("bob", List.of())));

            assertThat(token.claims()).containsEntry("sub", "alice");
            assertThat(issuer.jwksFetches()).isEqualTo(1);
        }
    }

    @Test
    void forSettings_withAnExplicitJwksUrl_shouldUseIt() {
        TestIssuer issuer = TestIssuer.shared();
        IdentitySettings settings = new IdentitySettings(issuer.issuer(), List.of(TestIssuer.AUDIENCE),
                Optional.of(URI.create(issuer.jwksUrl())), "sub", "groups");

        assertThat(BearerTokenVerifier.forSettings(settings, Clock.systemUTC())
                .verify(Optional.of("Bearer " + issuer.token("carol", List.of()))).claims()).containsEntry("sub", "carol");
    }

    @Test
    void unknownKeyIds_shouldRefreshTheSetAtMostOncePerInterval() {
        try (TestIssuer issuer = TestIssuer.local(); TestIssuer stranger = TestIssuer.local()) {
            IdentitySettings settings = new IdentitySettings(issuer.issuer(), List.of(TestIssuer.AUDIENCE),
                    Optional.of(URI.create(issuer.jwksUrl())), "sub", "groups");
            BearerTokenVerifier verifier = BearerTokenVerifier.forSettings(settings, Clock.systemUTC());
            verifier.verify(Optional.of("Bearer " + issuer.token("alice", List.of())));
            JWTClaimsSet forged = issuer.claims("mallory", List.of()).build();

            for (int i = 0; i < 20; i++) {
                assertThatThrownBy(() -> verifier.verify(Optional.of("Bearer " + stranger.sign(forged))))
                        .isInstanceOf(UnauthenticatedException.class);
            }

            // The first fetch, at most one refresh for the unknown kid, then the rate limit holds.
            assertThat(issuer.jwksFetches()).isBetween(1, 2);
        }
    }

    @Test
    void discovery_naming_anotherIssuer_shouldFailClosed() {
        try (TestIssuer issuer = TestIssuer.local()) {
            IdentitySettings settings = new IdentitySettings(issuer.issuer() + "/other", List.of(TestIssuer.AUDIENCE),
                    Optional.empty(), "sub", "groups");
            BearerTokenVerifier verifier = BearerTokenVerifier.forSettings(settings, Clock.systemUTC());

            assertThatThrownBy(() -> verifier.verify(Optional.of("Bearer " + issuer.token("alice", List.of()))))
                    .isInstanceOf(UnauthenticatedException.class);
        }
    }

    @Test
    void anIssuerThatCannotBeReached_shouldBeATransientOutage_503NotA401() throws Exception {
        // GIVEN an issuer on a loopback port nothing listens on
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        IdentitySettings settings = new IdentitySettings("http://127.0.0.1:" + closedPort + "/dev",
                List.of(TestIssuer.AUDIENCE), Optional.empty(), "sub", "groups");
        BearerTokenVerifier verifier = BearerTokenVerifier.forSettings(settings, Clock.systemUTC());

        try (TestIssuer issuer = TestIssuer.local()) {
            // WHEN a token is verified THEN the caller is told to retry
            assertThatThrownBy(() -> verifier.verify(Optional.of("Bearer " + issuer.token("alice", List.of()))))
                    .isInstanceOf(dev.airlock.domain.error.UnavailableException.class)
                    .hasFieldOrPropertyWithValue("code", "keys_unavailable");
        }
    }

    @Test
    void settings_shouldRefusePlainHttpIssuersExceptOnLoopback() {
        assertThatThrownBy(() -> new IdentitySettings("http://login.example.com/", List.of("a"), Optional.empty(), "sub", "groups"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new IdentitySettings("http://127.0.0.1:8080/dev", List.of("a"), Optional.empty(), "sub", "groups").issuer())
                .isEqualTo("http://127.0.0.1:8080/dev");
    }
}
