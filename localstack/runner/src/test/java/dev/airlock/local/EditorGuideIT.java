package dev.airlock.local;

import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Teleport's "Configure Access Requests" guide over HTTP through the local gateway: its roles
 * ({@code version: v7}, unchanged) plus an {@code editor} role and an OIDC connector whose
 * {@code claims_to_roles} maps the development issuer's groups to them. Bob (editor-requester) requests
 * {@code editor}, alice (editor-reviewer) approves, bob's certificate carries the {@code editor} login.
 */
class EditorGuideIT {

    static final String ROLES = """
            kind: role
            version: v7
            metadata:
              name: editor-reviewer
            spec:
              allow:
                review_requests:
                  roles: ['editor']
            ---
            kind: role
            version: v7
            metadata:
              name: editor-requester
            spec:
              options:
                request_prompt: Which change needs editor?
              allow:
                request:
                  roles: ['editor']
                  thresholds:
                    - approve: 1
                      deny: 1
                  suggested_reviewers: [alice]
            ---
            kind: role
            version: v7
            metadata:
              name: editor
            spec:
              allow:
                logins: [editor]
            ---
            kind: oidc
            version: v3
            metadata:
              name: local-dev-issuer
            spec:
              claims_to_roles:
                - { claim: groups, value: editors-requesters, roles: [editor-requester] }
                - { claim: groups, value: editors-reviewers, roles: [editor-reviewer] }
            """;

    private static final String USERS = """
            users:
              bob:
                groups: [editors-requesters]
              alice:
                groups: [editors-reviewers]
            """;

    private static LocalAirlock airlock;
    private static Api api;

    @BeforeAll
    static void start() {
        airlock = LocalAirlock.start(LocalAirlock.Settings.inMemory(ROLES, DemoUsers.parse(USERS), Clock.systemUTC()));
        api = new Api(airlock.url());
    }

    @AfterAll
    static void stop() {
        if (airlock != null) {
            airlock.close();
        }
    }

    @Test
    void bobRequestsEditor_aliceApproves_bobGetsTheEditorLogin(@TempDir Path keys) throws Exception {
        String bob = api.token("bob");
        String alice = api.token("alice");

        Api.Reply created = api.postJson("/requests", bob, "{\"roles\": [\"editor\"], \"reason\": \"release notes\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("requestPrompt").asString()).isEqualTo("Which change needs editor?");
        assertThat(created.json().path("suggestedReviewers").get(0).asString()).isEqualTo("alice");
        String id = created.json().path("id").asString();

        Api.Reply approved = api.review(alice, id, "APPROVE", "ok");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("APPROVED");

        SshKeygen.GeneratedKey key = SshKeygen.generate(keys, "bob", "ed25519", 0);
        Api.Reply signed = api.sign(bob, Files.readString(key.publicKeyFile()).trim(), id);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        List<String> principals = new ArrayList<>();
        signed.json().path("principals").values().forEach(p -> principals.add(p.asString()));
        assertThat(principals).containsExactly("editor");
    }

    @Test
    void aRequesterCannotReview_andTheReviewerRoleWithWhereIsRefusedByName() {
        String bob = api.token("bob");
        Api.Reply created = api.postJson("/requests", bob, "{\"roles\": [\"editor\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Reply selfish = api.review(api.token("carl", List.of("editors-requesters")),
                created.json().path("id").asString(), "APPROVE", "");
        assertThat(selfish.status()).as(selfish.toString()).isEqualTo(403);

        String withWhere = ROLES.replace("      roles: ['editor']\n---\nkind: role\nversion: v7\nmetadata:\n  name: editor-requester",
                "      roles: ['editor']\n      where: 'true'\n---\nkind: role\nversion: v7\nmetadata:\n  name: editor-requester");
        assertThat(withWhere).contains("where: 'true'");
        assertThatThrownBy(() -> LocalAirlock.start(
                LocalAirlock.Settings.inMemory(withWhere, DemoUsers.parse(USERS), Clock.systemUTC())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("spec.allow.review_requests.where: not supported by Airlock");
    }
}
