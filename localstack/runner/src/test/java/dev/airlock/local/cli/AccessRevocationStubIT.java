package dev.airlock.local.cli;

import dev.airlock.local.cli.StubAirlock.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code request revoke}, {@code cert revoke} and the login guidance (suggested reviewers, the
 * request prompt, {@code request_required}) against canned replies: what is sent, the exit codes of
 * docs/CLI.md, and server text escaped before it reaches the terminal.
 */
class AccessRevocationStubIT {

    private static final String TOKEN = "stub.token-value_1";
    private static final String REQUEST = "bc8ca931-0000-4b15-9d5c-1f1d4b0e7a22";

    private StubAirlock stub;
    private AccessCli cli;

    @BeforeEach
    void start(@TempDir Path home) {
        UserHome.withEd25519(home);
        stub = StubAirlock.start().on("GET /requests/" + REQUEST, Reply.json(200, StubAirlock.resource("request.json")));
        cli = AccessCli.forHome(home).with("AIRLOCK_URL", stub.url().toString()).with("AIRLOCK_TOKEN", TOKEN)
                .with("AIRLOCK_HOME", home.resolve("no-local-up").toString());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void requestRevoke_postsTheReason_andMapsAConflictToExit4() {
        stub.on("POST /requests/" + REQUEST + "/revocation",
                Reply.problem(409, "request is PENDING, only an APPROVED request can be revoked"));

        AccessCli.Result result = cli.run("request", "revoke", REQUEST, "--reason", "done early");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("access: error: request is PENDING, only an APPROVED request can be revoked\n");
        assertThat(stub.received()).singleElement().satisfies(sent -> {
            assertThat(sent.route()).isEqualTo("POST /requests/" + REQUEST + "/revocation");
            assertThat(sent.body()).isEqualTo("{\"reason\":\"done early\"}");
            assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        });
    }

    @Test
    void certRevoke_revokes_andSaysSoEscaped() {
        stub.on("POST /certificates/9034213380531133390/revocation", Reply.json(200,
                "{\"serial\":\"9034213380531133390\",\"holder\":\"bob\\u001b[2J\",\"validBefore\":\"2026-12-06T04:00:00Z\",\"revoked\":true}"));

        AccessCli.Result result = cli.run("cert", "revoke", "9034213380531133390");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("revoked certificate 9034213380531133390 (bob\\x1b[2J, valid before "
                + "2026-12-06T04:00:00Z); it is in the KRL from the hosts' next sync\n");
        assertThat(stub.received()).singleElement().satisfies(sent -> assertThat(sent.body()).isEqualTo("{}"));
    }

    @Test
    void certRevoke_unknownSerial_exits3_andABadSerialExits1WithoutACall() {
        stub.on("POST /certificates/77/revocation", Reply.problem(404, "no certificate with serial 77"));

        AccessCli.Result unknown = cli.run("cert", "revoke", "77");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.stderr()).isEqualTo("access: error: no certificate with serial 77\n");

        AccessCli.Result bad = cli.run("cert", "revoke", "12x");
        assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.stderr()).startsWith("access: error: '12x' is not a certificate serial");
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void loginRequestRoles_printsSuggestedReviewersAndThePrompt_escaped() {
        stub.on("POST /requests", Reply.json(201, "{\"id\":\"" + REQUEST + "\",\"state\":\"PENDING\","
                + "\"suggestedReviewers\":[\"alice\",\"carol\"],\"requestPrompt\":\"Name the ticket\\u202e, e.g. INC-4211\"}"));

        AccessCli.Result result = cli.run("login", "--request-roles", "dba", "--reason", "INC-1", "--nowait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderrLines()).containsExactly("suggested reviewers: alice, carol",
                "request prompt: Name the ticket\\u202e, e.g. INC-4211");
        assertThat(result.stdoutLines().get(0)).isEqualTo("Seeking request approval... (id: " + REQUEST + ")");
    }

    @Test
    void loginRequestRoles_withoutGuidance_printsNone() {
        stub.on("POST /requests", Reply.json(201, "{\"id\":\"" + REQUEST + "\",\"state\":\"PENDING\","
                + "\"suggestedReviewers\":[],\"requestPrompt\":null}"));

        AccessCli.Result result = cli.run("login", "--request-roles", "dba", "--reason", "INC-1", "--nowait");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void loginBaseRoles_requestRequired_exits2_withTheDetailAndHowToRequest() {
        stub.on("POST /certificates", new Reply(403, "application/problem+json", "{\"type\":\"about:blank\","
                + "\"title\":\"Forbidden\",\"status\":403,\"code\":\"request_required\",\"detail\":"
                + "\"your role 'sudo-admin' requires an access request for every certificate\"}", Map.of()));

        AccessCli.Result result = cli.run("login");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("access: error: your role 'sudo-admin' requires an access request for "
                + "every certificate; request access with: access login --request-roles ROLE --reason TEXT\n");
    }
}
