package dev.airlock.core.usecase;

import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DescribeCallerTest {

    private final FixedRoleCatalog roles = FixedRoleCatalog.demo();
    private final DescribeCaller describe = new DescribeCaller(roles, MutableClock.startingNow());

    @Test
    void describe_aRequester_showsBaseRolesPrincipalsAndWhatTheyMayRequest() {
        Identity bob = new Identity("bob", TestIdentities.bob().roles(), List.of("contractors"));

        CallerProfile profile = describe.describe(bob);

        assertThat(profile.user()).isEqualTo("bob");
        assertThat(profile.groups()).containsExactly("contractors");
        assertThat(profile.baseRoles()).containsExactly(new CallerProfile.BaseRole("contractor", List.of("contractor"),
                Optional.of(Duration.ofHours(8)), Optional.of(Duration.ofHours(4))));
        assertThat(profile.principals()).containsExactly("contractor");
        assertThat(profile.maxSessionTtl()).contains(Duration.ofHours(8));
        assertThat(profile.baseCertificate()).isTrue();
        assertThat(profile.requestable()).containsExactly("cluster-a", "dba", "sudo-admin");
        assertThat(profile.reviewable()).isEmpty();
    }

    @Test
    void describe_aReviewer_showsWhatTheyMayReview_andNothingToRequest() {
        CallerProfile profile = describe.describe(TestIdentities.alice());

        assertThat(profile.baseRoles()).extracting(CallerProfile.BaseRole::name).containsExactly("dba-reviewer");
        assertThat(profile.reviewable()).containsExactly("cluster-a", "dba", "sudo-admin");
        assertThat(profile.requestable()).isEmpty();
    }

    @Test
    void describe_someoneWithNoRole_getsNoPrincipalsAndNoBaseCertificate() {
        CallerProfile profile = describe.describe(TestIdentities.user("mallory", "book club dba-reviewers"));

        assertThat(profile.baseRoles()).isEmpty();
        assertThat(profile.principals()).isEmpty();
        assertThat(profile.baseCertificate()).isFalse();
        assertThat(profile.requestable()).isEmpty();
        assertThat(profile.reviewable()).isEmpty();
    }

    @Test
    void describe_dropsRolesTheCallerHolds_andRolesADenyRuleForbids() {
        FixedRoleCatalog custom = FixedRoleCatalog.of("""
                kind: role
                version: v7
                metadata: {name: ops}
                spec:
                  allow:
                    logins: [ops]
                    request: {roles: [dba, audit, ops]}
                    review_requests: {roles: [dba, audit]}
                  deny:
                    request: {roles: [audit]}
                    review_requests: {roles: [dba]}
                ---
                kind: role
                version: v7
                metadata: {name: dba}
                spec: {allow: {logins: [dba]}}
                ---
                kind: role
                version: v7
                metadata: {name: audit}
                spec: {allow: {logins: [audit]}}
                """);
        CallerProfile profile = new DescribeCaller(custom, MutableClock.startingNow())
                .describe(new Identity("olga", java.util.Set.of("ops")));

        assertThat(profile.requestable()).containsExactly("dba");
        assertThat(profile.reviewable()).containsExactly("audit");
        assertThat(profile.maxSessionTtl()).isEmpty();
        assertThat(profile.principals()).containsExactly("ops");
    }
}
