package dev.airlock.identity;

import dev.airlock.domain.error.UnauthenticatedException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenTest {

    private static final IdentitySettings SUB = settings("sub", "groups");

    private static IdentitySettings settings(String userClaim, String groupsClaim) {
        return new IdentitySettings("https://login.example.com/", List.of("airlock-cli"), Optional.empty(), userClaim, groupsClaim);
    }

    private static VerifiedToken token(Object... pairs) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            claims.put((String) pairs[i], pairs[i + 1]);
        }
        return new VerifiedToken(claims);
    }

    private static void assertRefused(VerifiedToken token, IdentitySettings settings, String code) {
        assertThatThrownBy(() -> token.caller(settings)).isInstanceOf(UnauthenticatedException.class)
                .hasFieldOrPropertyWithValue("code", code);
    }

    @Test
    void caller_shouldKeepAGroupWithSpacesAsOneGroup() {
        Caller caller = token("sub", "mallory", "groups", List.of("book club dba-reviewers")).caller(SUB);

        assertThat(caller.groups()).containsExactly("book club dba-reviewers");
    }

    @Test
    void caller_shouldListTheConfiguredGroupsClaimUnderGroupsToo() {
        Caller caller = token("sub", "bob", "cognito:groups", List.of("contractors")).caller(settings("sub", "cognito:groups"));

        assertThat(caller.claims()).containsEntry("groups", List.of("contractors"))
                .containsEntry("cognito:groups", List.of("contractors"));
    }

    @Test
    void caller_shouldReadAStringGroupsClaimAsOneValue_neverSplit() {
        assertThat(token("sub", "bob", "groups", "[a b]").caller(SUB).groups()).containsExactly("[a b]");
    }

    @Test
    void caller_shouldRefuseGroupsWithControlsOrNonAsciiSpacesOrNonStrings() {
        assertRefused(token("sub", "bob", "groups", List.of("dba\u00a0reviewers")), SUB, "invalid_groups");
        assertRefused(token("sub", "bob", "groups", List.of("dba\u200breviewers")), SUB, "invalid_groups");
        assertRefused(token("sub", "bob", "groups", List.of(1)), SUB, "invalid_groups");
    }

    @Test
    void caller_shouldRefuseMissingNonStringAndUnsafeUserNames() {
        assertRefused(token("groups", List.of()), SUB, "no_user");
        assertRefused(token("sub", 42), SUB, "no_user");
        assertRefused(token("sub", "alice\u00a0"), SUB, "invalid_user");
        assertRefused(token("sub", "ali\u200bce"), SUB, "invalid_user");
        assertRefused(token("sub", "Zoe\u0308"), SUB, "invalid_user");
    }

    @Test
    void caller_withEmailAsUserClaim_shouldRequireEmailVerifiedTrue() {
        IdentitySettings email = settings("email", "groups");
        assertRefused(token("email", "alice@example.com"), email, "unverified_email");
        assertRefused(token("email", "alice@example.com", "email_verified", false), email, "unverified_email");
        assertRefused(token("email", "alice@example.com", "email_verified", "true"), email, "unverified_email");

        assertThat(token("email", "alice@example.com", "email_verified", true).caller(email).user())
                .isEqualTo("alice@example.com");
    }

    @Test
    void caller_shouldOfferScalarClaimsAsOneValue() {
        Caller caller = token("sub", "bob", "department", "ops", "level", 3, "admin", false).caller(SUB);

        assertThat(caller.claims()).containsEntry("department", List.of("ops")).containsEntry("level", List.of("3"))
                .containsEntry("admin", List.of("false"));
    }
}
