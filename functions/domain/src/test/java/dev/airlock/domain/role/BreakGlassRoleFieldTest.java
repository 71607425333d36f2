package dev.airlock.domain.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code allow.request.break_glass}: Airlock's documented extension of the Teleport role shape. */
class BreakGlassRoleFieldTest {

    private static String file(String breakGlass) {
        return """
                kind: role
                version: v7
                metadata: {name: contractor}
                spec:
                  allow:
                    request:
                      roles: [dba, cluster-a]
                %s
                ---
                kind: role
                version: v7
                metadata: {name: dba}
                spec: {}
                ---
                kind: role
                version: v7
                metadata: {name: cluster-a}
                spec: {}
                ---
                kind: role
                version: v7
                metadata: {name: sudo-admin}
                spec: {}
                """.formatted(breakGlass.indent(6).stripTrailing());
    }

    @Test
    void parse_breakGlass_readsRolesAndCap_andReportsThemEnforced() {
        String yaml = file("break_glass: {roles: [dba], max_duration: 20m}");

        BreakGlass b = RoleFileParser.parse(yaml, "r.yaml").roles().require("contractor").allow().request().breakGlass();
        RoleFileReport report = RoleFileChecker.check(yaml, "r.yaml");

        assertThat(b.roles()).containsExactly("dba");
        assertThat(b.maxDuration()).contains(Duration.ofMinutes(20));
        assertThat(report.refusals()).isEmpty();
        assertThat(report.documents().get(0).enforced())
                .contains("spec.allow.request.break_glass.roles", "spec.allow.request.break_glass.max_duration");
    }

    @Test
    void parse_withoutBreakGlass_allowsNone_andDefaultCapIsThirtyMinutes() {
        BreakGlass none = RoleFileParser.parse(file(""), "r.yaml").roles().require("contractor")
                .allow().request().breakGlass();

        assertThat(none).isEqualTo(BreakGlass.NONE);
        assertThat(new BreakGlass(java.util.List.of("dba"), Optional.empty()).effectiveMaxDuration())
                .isEqualTo(Duration.ofMinutes(30));
    }

    /** Table: the break_glass mapping, and the text the refusal must contain. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        break_glass: {roles: [sudo-admin]}               | sudo-admin' must also be listed in request.roles
        break_glass: {roles: []}                          | must list at least one role
        break_glass: {roles: [dba], max_duration: 0s}     | duration must be positive
        break_glass: {roles: [dba], max_duration: soon}   | max_duration
        break_glass: {roles: [dba], approvers: [x]}       | approvers
        break_glass: [dba]                                | expected a mapping
        """)
    void parse_badBreakGlass_isRefused(String breakGlass, String expected) {
        assertThatThrownBy(() -> RoleFileParser.parse(file(breakGlass), "r.yaml"))
                .hasMessageContaining(expected);
    }
}
