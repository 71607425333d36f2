package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleFileCheckerTest {

    @Test
    void check_listsEnforcedAndIgnoredPerDocument() {
        RoleFileReport report = RoleFileChecker.check("""
                kind: role
                version: v7
                metadata: { name: dev }
                spec:
                  options: { max_session_ttl: 4h }
                  allow:
                    logins: [dev]
                    node_labels: { env: dev }
                """, "dev.yaml");

        assertThat(report.refused()).isFalse();
        assertThat(report.render()).isEqualTo("""
                role dev (v7)
                  enforced: spec.options.max_session_ttl, spec.allow.logins
                  ignored:  spec.allow.node_labels - %s
                dev.yaml: ok, 1 document
                """.formatted(TeleportFields.RESOURCES));
    }

    @Test
    void check_listsEveryRefusal_notOnlyTheFirst() {
        RoleFileReport report = RoleFileChecker.check("""
                kind: role
                version: v7
                metadata: { name: r }
                spec:
                  allow:
                    logins: ['{{internal.logins}}']
                    review_requests: { roles: [r], where: 'true' }
                """, "r.yaml");

        assertThat(report.refused()).isTrue();
        assertThat(report.refusals()).hasSize(2);
        assertThat(report.render()).contains(
                "refused: r.yaml: document 1 (role 'r'): spec.allow.logins[0]: not supported by Airlock",
                "refused: r.yaml: document 1 (role 'r'): spec.allow.review_requests.where: not supported by Airlock",
                "r.yaml: 2 refused, nothing would be applied");
    }

    @Test
    void check_structuralError_isOneRefusal() {
        RoleFileReport report = RoleFileChecker.check("kind: role\nversion: v7\nmetadata: { name: x }\nspec: { alow: {} }\n",
                "x.yaml");

        assertThat(report.documents()).isEmpty();
        assertThat(report.refusals()).containsExactly(
                "x.yaml: document 1 (role 'x'): spec.alow: unknown field (expected one of [allow, deny, options])");
    }

    @Test
    void check_undefinedReference_isRefused() {
        RoleFileReport report = RoleFileChecker.check(
                "kind: role\nversion: v7\nmetadata: { name: x }\nspec: { allow: { request: { roles: [y] } } }\n", "x.yaml");

        assertThat(report.refusals()).containsExactly(
                "x.yaml: document 1 (role 'x'): spec.allow.request.roles[0]: undefined role 'y'");
    }
}
