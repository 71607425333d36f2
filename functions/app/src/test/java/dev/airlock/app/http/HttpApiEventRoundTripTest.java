package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.airlock.core.api.gateway.HttpApiEvent;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.domain.role.Identity;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.identity.IdentitySettings;
import dev.airlock.identity.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one event builder ({@link HttpApiEvent}, used by the local gateway, priming and the bench) round
 * trip through JSON into the Lambda event class and the identity reader: the caller is whoever the
 * bearer token says, never the authorizer claims the builder also writes.
 */
class HttpApiEventRoundTripTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-07T19:38:02Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ClaimsIdentity identities = ClaimsIdentity.verifying(
            new IdentitySettings(ISSUER.issuer(), List.of(TestIssuer.AUDIENCE), Optional.empty(), "sub", "groups"),
            new BearerTokenVerifier(ISSUER.issuer(), Set.of(TestIssuer.AUDIENCE),
                    new ImmutableJWKSet<>(ISSUER.publicKeys()), CLOCK),
            FixedRoleCatalog.demo());

    private static APIGatewayV2HTTPEvent throughJson(HttpApiEvent event) {
        return JSON.readValue(JSON.writeValueAsBytes(event.build()), APIGatewayV2HTTPEvent.class);
    }

    private static HttpApiEvent reviewOf(String id) {
        return HttpApiEvent.of("POST /requests/{id}/reviews", "/requests/" + id + "/reviews")
                .pathParameters(Map.of("id", id))
                .received(CLOCK.instant(), "req-1")
                .jsonBody("{\"verdict\":\"APPROVE\"}");
    }

    @Test
    void eventWithARealToken_shouldIdentifyTheTokensCallerWithTheirBaseRoles() {
        APIGatewayV2HTTPEvent event = throughJson(reviewOf("r1")
                .bearer(ISSUER.token("alice", List.of("dba-reviewers")))
                // What a JWT authorizer would pass on; the reader must ignore it.
                .authorizerClaims(Map.of("sub", "mallory", "groups", List.of("admins"))));

        Identity caller = identities.identify(event);

        assertThat(caller.user()).isEqualTo("alice");
        assertThat(caller.roles()).containsExactly("dba-reviewer");
        assertThat(event.getRouteKey()).isEqualTo("POST /requests/{id}/reviews");
        assertThat(event.getPathParameters()).containsEntry("id", "r1");
        assertThat(event.getBody()).isEqualTo("{\"verdict\":\"APPROVE\"}");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    }

    @Test
    void eventWithoutAToken_shouldBeRefusedWhateverItsAuthorizerClaims() {
        APIGatewayV2HTTPEvent event = throughJson(reviewOf("r1")
                .authorizerClaims(Map.of("sub", "alice", "groups", List.of("dba-reviewers"))));

        assertThatThrownBy(() -> identities.identify(event)).isInstanceOf(UnauthenticatedException.class);
    }
}
