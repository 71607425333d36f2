package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.domain.role.Identity;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.identity.IdentitySettings;
import dev.airlock.identity.testing.TestIssuer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimsIdentityTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-07T19:38:02Z"), ZoneOffset.UTC);

    private static ClaimsIdentity identities(String userClaim, String groupsClaim) {
        IdentitySettings settings = new IdentitySettings(ISSUER.issuer(), List.of(TestIssuer.AUDIENCE), Optional.empty(),
                userClaim, groupsClaim);
        BearerTokenVerifier verifier = new BearerTokenVerifier(ISSUER.issuer(), Set.of(TestIssuer.AUDIENCE),
                new ImmutableJWKSet<>(ISSUER.publicKeys()), CLOCK);
        return ClaimsIdentity.verifying(settings, verifier, FixedRoleCatalog.demo());
    }

    private final ClaimsIdentity identities = identities("sub", "groups");

    private static APIGatewayV2HTTPEvent eventWith(Map<String, String> headers, Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(context);
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent bearer(String token) {
        return eventWith(Map.of("authorization", "Bearer " + token), Map.of());
    }

    @Test
    void identify_shouldMapTheTokensGroupsToBaseRoles() {
        Identity bob = identities.identify(bearer(ISSUER.token("bob", List.of("contractors"))));

        assertThat(bob.user()).isEqualTo("bob");
        assertThat(bob.roles()).containsExactly("contractor");
    }

    @Test
    void identify_shouldFindTheHeaderInAnyCase() {
        APIGatewayV2HTTPEvent event = eventWith(Map.of("Authorization", "Bearer " + ISSUER.token("bob", List.of())), Map.of());

        assertThat(identities.identify(event).user()).isEqualTo("bob");
    }

    @Test
    void identify_withCustomGroupsClaim_shouldOfferItAsGroups() {
        ClaimsIdentity cognito = identities("email", "cognito:groups");
        String token = ISSUER.sign(ISSUER.claims("1b2c", List.of()).claim("email", "alice@example.com")
                .claim("email_verified", true).claim("cognito:groups", List.of("dba-reviewers")).build());

        Identity alice = cognito.identify(bearer(token));

        assertThat(alice.user()).isEqualTo("alice@example.com");
        assertThat(alice.roles()).containsExactly("dba-reviewer");
    }

    @Test
    void identify_withoutGroups_shouldHaveNoBaseRoles() {
        assertThat(identities.identify(bearer(ISSUER.token("eve", List.of()))).roles()).isEmpty();
    }

    @Test
    void identify_shouldIgnoreTheAuthorizersClaims() {
        Map<String, String> forged = new HashMap<>();
        forged.put("sub", "alice");
        forged.put("groups", "[dba-reviewers]");

        Identity caller = identities.identify(eventWith(Map.of("authorization", "Bearer "
                + ISSUER.token("bob", List.of("contractors"))), forged));

        assertThat(caller.user()).isEqualTo("bob");
        assertThat(caller.roles()).containsExactly("contractor");
    }

    @Test
    void identify_withoutToken_shouldBe401() {
        assertThatThrownBy(() -> identities.identify(new APIGatewayV2HTTPEvent()))
                .isInstanceOf(UnauthenticatedException.class).hasFieldOrPropertyWithValue("code", "no_token");
        assertThatThrownBy(() -> identities.identify(eventWith(Map.of(), Map.of("sub", "alice"))))
                .isInstanceOf(UnauthenticatedException.class).hasFieldOrPropertyWithValue("code", "no_token");
    }

    @Test
    void identify_withTwoAuthorizationHeaders_shouldBe401() {
        Map<String, String> headers = new HashMap<>();
        headers.put("authorization", "Bearer " + ISSUER.token("bob", List.of()));
        headers.put("Authorization", "Bearer " + ISSUER.token("alice", List.of("dba-reviewers")));

        assertThatThrownBy(() -> identities.identify(eventWith(headers, Map.of())))
                .isInstanceOf(UnauthenticatedException.class).hasFieldOrPropertyWithValue("code", "no_token");
    }

    @Test
    void refusingAll_shouldRefuseEvenAValidToken() {
        ClaimsIdentity none = ClaimsIdentity.refusingAll(FixedRoleCatalog.demo());

        assertThatThrownBy(() -> none.identify(bearer(ISSUER.token("bob", List.of()))))
                .isInstanceOf(UnauthenticatedException.class).hasFieldOrPropertyWithValue("code", "no_issuer");
    }
}
