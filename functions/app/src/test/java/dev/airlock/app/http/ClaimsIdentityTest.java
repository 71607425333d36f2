package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimsIdentityTest {

    private final ClaimsIdentity identities = new ClaimsIdentity("sub", "groups", FixedRoleCatalog.demo());

    private static APIGatewayV2HTTPEvent eventWith(Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(claims);
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAuthorizer(authorizer);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRequestContext(context);
        return event;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[contractors]|contractors",
            "[contractors dba-reviewers]|contractors,dba-reviewers",
            "[ contractors   dba-reviewers ]|contractors,dba-reviewers",
            "[\"contractors\",\"dba-reviewers\"]|contractors,dba-reviewers",
            "[\"contractors\", \"dba-reviewers\"]|contractors,dba-reviewers",
            "contractors|contractors",
            "[]|''"})
    void values_shouldReadBothArrayFormsAndSingleValues(String claim, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));

        assertThat(ClaimsIdentity.values(claim)).isEqualTo(want);
    }

    @Test
    void identify_shouldMapGroupsToBaseRoles() {
        Identity bob = identities.identify(eventWith(Map.of("sub", "bob", "groups", "[contractors]")));

        assertThat(bob.user()).isEqualTo("bob");
        assertThat(bob.roles()).containsExactly("contractor");
    }

    @Test
    void identify_withCustomGroupsClaim_shouldOfferItAsGroups() {
        ClaimsIdentity cognito = new ClaimsIdentity("email", "cognito:groups", FixedRoleCatalog.demo());

        Identity alice = cognito.identify(eventWith(Map.of("email", "alice@example.com", "sub", "1b2c",
                "cognito:groups", "[dba-reviewers]")));

        assertThat(alice.user()).isEqualTo("alice@example.com");
        assertThat(alice.roles()).containsExactly("dba-reviewer");
    }

    @Test
    void identify_withoutGroups_shouldHaveNoBaseRoles() {
        assertThat(identities.identify(eventWith(Map.of("sub", "eve"))).roles()).isEmpty();
    }

    @Test
    void identify_withoutClaims_shouldBe401() {
        assertThatThrownBy(() -> identities.identify(new APIGatewayV2HTTPEvent()))
                .isInstanceOf(UnauthenticatedException.class).hasMessageContaining("no verified identity");
        assertThatThrownBy(() -> identities.identify(eventWith(Map.of())))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '", "bob smith", "bob\tsmith"})
    void identify_withUnusableUser_shouldBe401(String user) {
        Map<String, String> claims = new HashMap<>();
        claims.put("sub", user);
        claims.put("groups", "[contractors]");

        assertThatThrownBy(() -> identities.identify(eventWith(claims)))
                .isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(((UnauthenticatedException) e).code()).isEqualTo("no_user"));
    }

    @Test
    void identify_withOverlongUser_shouldBe401() {
        String user = "u".repeat(ClaimsIdentity.MAX_USER_LENGTH + 1);

        assertThatThrownBy(() -> identities.identify(eventWith(Map.of("sub", user))))
                .isInstanceOf(UnauthenticatedException.class);
    }
}
