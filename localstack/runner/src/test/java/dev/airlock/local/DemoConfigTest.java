package dev.airlock.local;

import dev.airlock.domain.role.ReasonMode;
import dev.airlock.domain.role.RequestConditions;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileChecker;
import dev.airlock.domain.role.RoleFileParser;
import dev.airlock.domain.role.RoleFileReport;
import dev.airlock.domain.role.Threshold;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** localstack/config (copied into the jar) is the Teleport example the README promises. */
class DemoConfigTest {

    static String builtIn(String name) throws IOException {
        try (InputStream in = DemoConfigTest.class.getResourceAsStream(LocalUp.BUILT_IN_CONFIG + name)) {
            assertThat(in).as(name + " is packaged").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void roles_shouldLetContractorsRequestWithAReasonAndDbaReviewersReview() throws IOException {
        RoleConfig config = RoleFileParser.parse(builtIn("roles.yaml"), "roles.yaml");

        RequestConditions request = config.roles().require("contractor").allow().request();
        assertThat(request.roles()).containsExactly("dba", "cluster-a", "sudo-admin");
        assertThat(request.reasonMode()).isEqualTo(ReasonMode.REQUIRED);
        assertThat(request.thresholds()).containsExactly(new Threshold(1, 1));
        assertThat(config.roles().require("dba").allow().logins()).containsExactly("dba");
        assertThat(config.roles().require("dba-reviewer").allow().reviewRequests().roles())
                .contains("dba", "cluster-a", "sudo-admin");
        assertThat(config.baseRolesFor(Map.of("groups", List.of("contractors")))).containsExactly("contractor");
        assertThat(config.baseRolesFor(Map.of("groups", List.of("dba-reviewers")))).containsExactly("dba-reviewer");
        assertThat(request.suggestedReviewers()).containsExactly("alice");
        assertThat(config.roles().require("contractor").options().requestPrompt())
                .contains("Name the incident or ticket, e.g. INC-4211");
    }

    @Test
    void roles_areTeleportV7_andEveryFieldIsEnforced() throws IOException {
        String yaml = builtIn("roles.yaml");

        RoleFileReport report = RoleFileChecker.check(yaml, "roles.yaml");

        assertThat(report.refusals()).isEmpty();
        assertThat(report.documents()).allSatisfy(d -> {
            assertThat(d.version()).isEqualTo(d.kind().equals("role") ? "v7" : "v3");
            assertThat(d.ignored()).isEmpty();
        });
        assertThat(report.documents()).hasSize(6);
    }

    @Test
    void demoUsers_shouldPutBobInContractorsAndAliceInDbaReviewers() throws IOException {
        DemoUsers users = DemoUsers.parse(builtIn(DemoUsers.FILE_NAME));

        assertThat(users.groupsOf("bob")).contains(List.of("contractors"));
        assertThat(users.groupsOf("alice")).contains(List.of("dba-reviewers"));
        assertThat(users.groupsOf("mallory")).isEmpty();
    }

    @Test
    void demoUsers_shouldRefuseOtherShapes() {
        assertThatThrownBy(() -> DemoUsers.parse("people: {}")).hasMessageContaining("'users' mapping");
        assertThatThrownBy(() -> DemoUsers.parse("users: {bob: {groups: contractors}}"))
                .hasMessageContaining("user 'bob' must have a list of groups");
        assertThatThrownBy(() -> DemoUsers.parse("users: [")).hasMessageContaining("not valid YAML");
    }

    @Test
    void demoUsers_shouldDeclareTheCliWithLoopbackRedirectsAndTheConsoleOnTheGateway() throws IOException {
        DemoUsers users = DemoUsers.parse(builtIn(DemoUsers.FILE_NAME));

        assertThat(users.clients()).containsExactly(new DemoUsers.Client("airlock-cli", true, List.of()),
                new DemoUsers.Client("airlock-console", false, List.of("{gateway}/")));
        assertThat(DemoUsers.parse("users: {}").clients()).isEqualTo(DemoUsers.DEFAULT_CLIENTS);
    }

    @Test
    void demoUsers_shouldRefuseMalformedClients() {
        assertThatThrownBy(() -> DemoUsers.parse("users: {}\nclients: [airlock-cli]"))
                .hasMessageContaining("'clients' must be a mapping");
        assertThatThrownBy(() -> DemoUsers.parse("users: {}\nclients: {cli: {loopback_redirects: maybe}}"))
                .hasMessageContaining("client 'cli' may have only");
        assertThatThrownBy(() -> DemoUsers.parse("users: {}\nclients: {cli: {secret: x}}"))
                .hasMessageContaining("client 'cli' may have only");
    }
}
