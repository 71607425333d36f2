package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.RoleFixtures;
import dev.airlock.domain.error.InvalidRequestException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleFileParserTest {

    @Test
    void parse_demoFile_readsEveryRoleAndMapping() {
        RoleConfig config = RoleFixtures.demo();

        assertThat(config.roles().names()).containsExactly("cluster-a", "contractor", "dba", "dba-reviewer", "sudo-admin");
        Role contractor = config.roles().get("contractor").orElseThrow();
        assertThat(contractor.options().maxSessionTtl()).contains(Duration.ofHours(8));
        assertThat(contractor.allow().logins()).containsExactly("contractor");
        assertThat(contractor.deny().logins()).containsExactly("root");
        RequestConditions request = contractor.allow().request();
        assertThat(request.roles()).containsExactly("dba", "cluster-a", "sudo-admin");
        assertThat(request.maxDuration()).contains(Duration.ofHours(4));
        assertThat(request.reasonMode()).isEqualTo(ReasonMode.REQUIRED);
        assertThat(request.thresholds()).containsExactly(new Threshold(1, 1));
        assertThat(config.roles().get("dba-reviewer").orElseThrow().allow().reviewRequests().roles())
                .containsExactly("dba", "cluster-a", "sudo-admin");
        assertThat(config.roles().get("sudo-admin").orElseThrow().options())
                .isEqualTo(new RoleOptions(Optional.of(Duration.ofMinutes(30)), true, false, false, false, true));
        assertThat(config.claimsToRoles()).containsExactly(
                new ClaimMapping("groups", "contractors", List.of("contractor")),
                new ClaimMapping("groups", "dba-reviewers", List.of("dba-reviewer")));
    }

    @Test
    void parse_minimalRole_appliesTeleportDefaults() {
        RoleConfig config = RoleFileParser.parse("""
                kind: role
                version: v1
                metadata: { name: dba }
                spec:
                  allow:
                    request: { roles: [dba] }
                ---
                """, "min.yaml");

        Role dba = config.roles().require("dba");
        assertThat(dba.options()).isEqualTo(RoleOptions.DEFAULTS);
        assertThat(dba.options().permitPty()).isTrue();
        assertThat(dba.options().forwardAgent()).isFalse();
        assertThat(dba.allow().request().thresholds()).containsExactly(Threshold.DEFAULT);
        assertThat(dba.allow().request().reasonMode()).isEqualTo(ReasonMode.OPTIONAL);
        assertThat(dba.allow().request().maxDuration()).isEmpty();
        assertThat(dba.deny()).isEqualTo(RoleConditions.NONE);
        assertThat(config.claimsToRoles()).isEmpty();
    }

    @Test
    void parse_thresholdWithMissingCount_defaultsItToOne() {
        RoleConfig config = RoleFileParser.parse("""
                kind: role
                version: v1
                metadata: { name: dba }
                spec:
                  allow:
                    request:
                      roles: [dba]
                      thresholds: [{ approve: 2 }, { deny: 3 }]
                """, "t.yaml");

        assertThat(config.roles().require("dba").allow().request().thresholds())
                .containsExactly(new Threshold(2, 1), new Threshold(1, 3));
    }

    @Test
    void baseRolesFor_mapsClaimValuesToRoles() {
        RoleConfig config = RoleFixtures.demo();

        assertThat(config.baseRolesFor(Map.of("groups", List.of("contractors", "everyone"))))
                .containsExactly("contractor");
        assertThat(config.baseRolesFor(Map.of("groups", List.of("dba-reviewers", "contractors"))))
                .containsExactly("contractor", "dba-reviewer");
        assertThat(config.baseRolesFor(Map.of("teams", List.of("contractors")))).isEmpty();
        assertThat(config.baseRolesFor(Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown-field.yaml          | document 1 (role 'dba'): spec.allow.logns: unknown field
        unknown-top-level-field.yaml| document 1 (role 'dba'): specs: unknown field
        bad-duration.yaml           | document 1 (role 'dba'): spec.options.max_session_ttl: invalid duration '8x'
        duration-not-string.yaml    | document 2 (role 'contractor'): spec.allow.request.max_duration: expected a duration such as 8h or 30m, got the number 30
        zero-duration.yaml          | document 1 (role 'dba'): spec.options.max_session_ttl: duration must be positive
        wrong-type-list.yaml        | document 1 (role 'dba'): spec.allow.logins: expected a list, got the string 'dba'
        wrong-type-boolean.yaml     | document 1 (role 'dba'): spec.options.permit_pty: expected true or false, got the string 'yes'
        duplicate-role.yaml         | document 2 (role 'dba'): metadata.name: duplicate role 'dba' (first defined in document 1)
        undefined-request-role.yaml | document 2 (role 'contractor'): spec.allow.request.roles[1]: undefined role 'dbx'
        undefined-review-role.yaml  | document 1 (role 'reviewer'): spec.deny.review_requests.roles[0]: undefined role 'prod'
        undefined-claims-role.yaml  | document 2 (oidc 'corp'): spec.claims_to_roles[1].roles[0]: undefined role 'admin'
        unknown-kind.yaml           | document 2 (user 'alice'): kind: unknown kind 'user' (expected role or oidc)
        approve-zero.yaml           | document 2 (role 'contractor'): spec.allow.request.thresholds[1].approve: must be an integer of at least 1, got 0
        deny-negative.yaml          | document 2 (role 'contractor'): spec.allow.request.thresholds[0].deny: must be an integer of at least 1, got -1
        empty-thresholds.yaml       | document 1 (role 'dba'): spec.allow.request.thresholds: must list at least one threshold
        bad-reason-mode.yaml        | document 1 (role 'dba'): spec.allow.request.reason.mode: expected 'optional' or 'required', got 'sometimes'
        deny-max-duration.yaml      | document 1 (role 'dba'): spec.deny.request.max_duration: unknown field (expected one of [roles])
        second-oidc.yaml            | document 3 (oidc 'two'): kind: only one oidc document is allowed (first is document 2)
        bad-version.yaml            | document 1 (role 'dba'): version: unsupported version 'v3' (expected one of v1, v5, v6, v7, v8)
        missing-name.yaml           | document 1 (role): metadata.name: is required
        missing-kind.yaml           | document 1: kind: is required
        login-template.yaml         | document 1 (role 'dba'): spec.allow.logins[0]: not supported by Airlock: role templates such as '{{internal.logins}}'
        not-a-mapping.yaml          | document 2: expected a mapping, got a list
        claims-without-roles.yaml   | document 2 (oidc 'corp'): spec.claims_to_roles[0].roles: must list at least one role
        no-roles.yaml               | no-roles.yaml: defines no roles
        bad-role-name.yaml          | document 1 (role 'db a'): metadata.name: invalid role name 'db a'
        """)
    void parse_invalidFile_namesDocumentAndField(String file, String expected) {
        String source = "invalid/" + file;

        assertThatThrownBy(() -> RoleFileParser.parse(RoleFixtures.text(source), file))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_role_file"))
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(expected.strip());
    }

    @Test
    void parse_duplicateYamlKey_isRejectedWithItsLine() {
        assertThatThrownBy(() -> RoleFileParser.parse(RoleFixtures.text("invalid/duplicate-key.yaml"), "dup.yaml"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("dup.yaml: document 1: invalid YAML")
                .hasMessageContaining("duplicate key logins")
                .hasMessageContaining("line 7");
    }

    @Test
    void parse_brokenYaml_isRejectedAsInvalidRequest() {
        assertThatThrownBy(() -> RoleFileParser.parse("kind: [unclosed", "broken.yaml"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("broken.yaml: document 1: invalid YAML");
    }

    @Test
    void parse_emptyText_definesNoRoles() {
        assertThatThrownBy(() -> RoleFileParser.parse("", "empty.yaml"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("empty.yaml: defines no roles");
    }
}
