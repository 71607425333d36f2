package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Teleport's role reference ("Role versions", https://goteleport.com/docs/reference/access-controls/roles/)
 * lists version differences only in the defaults of resource matchers, which Airlock ignores; so a role
 * means the same to Airlock in every accepted version, v1 (Airlock's old name) included.
 */
class RoleVersionsTest {

    private static final String ROLE = """
            kind: role
            version: %s
            metadata: { name: contractor }
            spec:
              options:
                max_session_ttl: 8h
                forward_agent: true
                request_access: always
                request_prompt: Which ticket?
              allow:
                logins: [contractor]
                node_labels: { env: staging }
                request:
                  roles: [contractor-dba]
                  max_duration: 2h
                  reason: { mode: required }
                  thresholds: [{ name: pair, approve: 2, deny: 1 }]
                  suggested_reviewers: [alice]
                review_requests: { roles: [contractor-dba] }
              deny:
                logins: [root]
            ---
            kind: role
            version: %s
            metadata: { name: contractor-dba }
            spec: { allow: { logins: [dba] } }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v5", "v6", "v7", "v8"})
    void everyAcceptedVersion_readsTheSameRole(String version) {
        Role role = RoleFileParser.parse(ROLE.formatted(version, version), "r.yaml").roles().require("contractor");

        assertThat(role.options()).isEqualTo(new RoleOptions(Optional.of(Duration.ofHours(8)), true, true, true,
                false, true, RequestAccess.ALWAYS, Optional.of("Which ticket?")));
        assertThat(role.allow()).isEqualTo(new RoleConditions(List.of("contractor"),
                new RequestConditions(List.of("contractor-dba"), Optional.of(Duration.ofHours(2)),
                        ReasonMode.REQUIRED, List.of(new Threshold("pair", 2, 1)), List.of("alice")),
                new ReviewConditions(List.of("contractor-dba"))));
        assertThat(role.deny().logins()).containsExactly("root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v3"})
    void oidcConnectorVersions_areAccepted(String version) {
        RoleConfig config = RoleFileParser.parse("""
                kind: role
                version: v7
                metadata: { name: dev }
                spec: { allow: { logins: [dev] } }
                ---
                kind: oidc
                version: %s
                metadata: { name: corp }
                spec:
                  claims_to_roles: [{ claim: groups, value: developers, roles: [dev] }]
                """.formatted(version), "c.yaml");

        assertThat(config.claimsToRoles()).containsExactly(new ClaimMapping("groups", "developers", List.of("dev")));
    }
}
