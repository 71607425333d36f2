package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access login} against a local Airlock: each way a wait can end (denied, expired, interrupted),
 * {@code --nowait} with a later {@code --request-id} (by prefix), reuse of an approved request, base
 * roles only, {@code --json}, and bad key paths that must fail before anything reaches the server.
 * Each test has its own requester (any name works with {@code --groups contractors}), so tests that
 * list requests see only their own.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessLoginIT {

    @Test
    void login_deniedWhileWaiting_exits2AndNamesTheReviewerAndReason(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli carol = airlock.cli(home);
        AccessCli.Running login = carol.start("--user", "carol", "--groups", "contractors",
                "login", "--request-roles", "dba", "--reason", "INC-1: disk full");
        String id = idOf(login.awaitStdoutLine(line -> line.startsWith("Seeking")));

        AccessCli.Result deny = carol.run("--user", "alice", "request", "deny", id, "--reason", "use the runbook");
        assertThat(deny.exitCode()).as(deny.toString()).isZero();
        assertThat(deny.stdout()).contains("; it is now DENIED");

        AccessCli.Result result = login.await();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        // the role file's guidance for requesters first (suggested reviewers, request prompt), then the outcome
        assertThat(result.stderrLines()).containsExactly("suggested reviewers: alice",
                "request prompt: Name the incident or ticket, e.g. INC-4211",
                "access: error: request " + id + " was denied by alice: use the runbook");
        assertThat(home.resolve(".ssh/id_ed25519-cert.pub")).doesNotExist();
    }

    @Test
    void login_onATerminal_drawsALiveProgressLine_andClearsItBeforeTheOutcome(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli cli = airlock.cli(home);
        AccessCli.Running login = cli.startOnTerminal("--user", "kate", "--groups", "contractors",
                "login", "--request-roles", "dba", "--reason", "on a terminal");

        String shown = login.awaitOutput("\r\u001b[KWaiting for approval of ");
        Matcher seeking = Pattern.compile("Seeking request approval\\.\\.\\. \\(id: ([0-9a-f-]{36})\\)\r\n").matcher(shown);
        assertThat(seeking.find()).as(shown).isTrue();
        String id = seeking.group(1);
        assertThat(shown).contains("Waiting for approval of " + id.substring(0, 8) + "... 0m");
        assertThat(cli.run("--user", "alice", "request", "deny", id).exitCode()).isZero();

        AccessCli.Result result = login.await();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).contains("\r\u001b[Kaccess: error: request " + id + " was denied by alice\r\n");
    }

    @Test
    void login_pendingTtlRunsOutWhileWaiting_exits2SayingItExpired(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli.Result result = airlock.cli(home).run("--user", "dan", "--groups", "contractors",
                "login", "--request-roles", "dba", "--reason", "nobody is around", "--ttl", "1s");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        String id = idOf(result.stdoutLines().get(0));
        assertThat(result.stderrLines()).last().asString()
                .startsWith("access: error: request " + id + " expired before it was approved");
        assertThat(home.resolve(".ssh/id_ed25519-cert.pub")).doesNotExist();
    }

    @Test
    void login_interrupted_leavesTheRequestPendingAndPrintsHowToResume(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        // env --default-signal=INT: a build started in the background ignores SIGINT, and a shell
        // cannot trap a signal ignored on entry; a terminal's Ctrl-C is never ignored.
        AccessCli erin = airlock.cli(home);
        AccessCli.Running login = erin.launchedBy("env", "--default-signal=INT")
                .start("--user", "erin", "--groups", "contractors", "login", "--request-roles=dba", "--reason", "x");
        String id = idOf(login.awaitStdoutLine(line -> line.startsWith("Seeking")));

        login.signal("INT");
        AccessCli.Result result = login.await();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(130);
        assertThat(result.stderrLines()).contains("Stopped waiting; request " + id + " is still pending.",
                "Resume with: access --user erin --groups contractors login --request-id " + id);
        AccessCli.Result show = erin.run("--user", "erin", "--groups", "contractors", "request", "show", id, "--json");
        assertThat(Jq.eval(show.stdout(), ".state")).isEqualTo("PENDING");

        // and the requester can drop it: once (then it is WITHDRAWN), not twice (409 → 4)
        AccessCli.Result drop = erin.run("--user", "erin", "--groups", "contractors", "request", "drop", id.substring(0, 6));
        assertThat(drop.exitCode()).as(drop.toString()).isZero();
        assertThat(drop.stdout()).isEqualTo("withdrew request " + id.substring(0, 8) + " (dba); it is now WITHDRAWN\n");
        AccessCli.Result again = erin.run("--user", "erin", "--groups", "contractors", "request", "drop", id);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(4);
        assertThat(again.stderrLines()).hasSize(1);
    }

    @Test
    void login_nowait_thenResumeByPrefix_andReuseTheApprovedRequestForASecondCertificate(CliAirlock airlock,
            @TempDir Path home) {
        UserHome frank = UserHome.withEd25519(home);
        AccessCli cli = airlock.cli(home).with("AIRLOCK_USER", "frank").with("AIRLOCK_GROUPS", "contractors");

        AccessCli.Result created = cli.run("login", "--request-roles", "cluster-a", "--reason", "deploy", "--nowait");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String id = idOf(created.stdoutLines().get(0));
        String prefix = id.substring(0, 5);
        assertThat(created.stdoutLines().get(1)).isEqualTo("Request " + id
                + " is pending; once it is approved, run: access login --request-id " + id);
        assertThat(frank.certificate()).doesNotExist();

        // still pending: --nowait with --request-id reports it and leaves
        AccessCli.Result stillPending = cli.run("login", "--request-id", prefix, "--nowait");
        assertThat(stillPending.exitCode()).as(stillPending.toString()).isZero();
        assertThat(stillPending.stdout()).contains("Request " + id + " is pending");
        assertThat(frank.certificate()).doesNotExist();

        AccessCli.Result approve = cli.run("--user", "alice", "request", "approve", id);
        assertThat(approve.exitCode()).as(approve.toString()).isZero();

        AccessCli.Result resumed = cli.run("login", "--request-id", prefix);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.stdout()).contains("(principals: contractor, ubuntu, valid until");
        String first = read(frank.certificate());

        AccessCli.Result reused = cli.run("login", "--request-id", id, "--json");
        assertThat(reused.exitCode()).as(reused.toString()).isZero();
        assertThat(Jq.test(reused.stdout(), ".certificateFile == \"" + frank.certificate() + "\" and .requestId == \""
                + id + "\" and (.principals | index(\"ubuntu\")) != null and (has(\"certificate\") | not)")).isTrue();
        assertThat(read(frank.certificate())).isNotEqualTo(first).startsWith("ssh-ed25519-cert-v01@openssh.com ");

        AccessCli.Result show = cli.run("request", "show", id, "--json");
        assertThat(Jq.eval(show.stdout(), ".certificateSerials | length")).isEqualTo("2");
    }

    @Test
    void login_withoutRoles_signsBaseRolesOnly_withTheFirstDefaultKeyThatExists(CliAirlock airlock, @TempDir Path home) {
        UserHome ecdsa = UserHome.withKey(home, "id_ecdsa", "ecdsa");  // no id_ed25519: id_ecdsa is next
        LocalDate firstDay = ValidUntil.todayUtc();
        AccessCli.Result result = airlock.cli(home).run("--user", "grace", "--groups", "contractors", "login");
        LocalDate lastDay = ValidUntil.todayUtc();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        // the time is checked against the certificate: its form depends on whether it expires today
        assertThat(result.stdout()).matches("certificate written to ~/\\.ssh/id_ecdsa-cert\\.pub "
                + "\\(principals: contractor, valid until (\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2} UTC\\)\n");
        ValidUntil.assertPrinted(result.stdout(), ecdsa.certificate(), firstDay, lastDay);
        assertThat(read(ecdsa.certificate())).startsWith("ecdsa-sha2-nistp256-cert-v01@openssh.com ");
    }

    @Test
    void login_badKeyPaths_exit1BeforeAnyRequestIsCreated(CliAirlock airlock, @TempDir Path home) throws Exception {
        UserHome key = UserHome.withEd25519(home);
        AccessCli heidi = airlock.cli(home).with("AIRLOCK_USER", "heidi").with("AIRLOCK_GROUPS", "contractors");
        Path notAKey = Files.writeString(home.resolve("notes.pub"), "hello\n");

        assertFails(heidi.run("login", "--request-roles", "dba", "--reason", "r", "--key", home + "/missing.pub"),
                "access: error: no such public key file: " + home + "/missing.pub");
        assertFails(heidi.run("login", "--request-roles", "dba", "--reason", "r", "--key", notAKey.toString()),
                "access: error: " + notAKey + " is not an OpenSSH public key (expected a line like 'ssh-ed25519 AAAA... comment')");
        assertFails(heidi.run("login", "--key", home.resolve(".ssh").toString()),
                "access: error: --key " + home.resolve(".ssh") + " is a directory; give the public key file (e.g. ~/.ssh/id_ed25519.pub)");
        // a certificate is not a key to sign
        AccessCli.Result signed = heidi.run("login");
        assertThat(signed.exitCode()).as(signed.toString()).isZero();
        assertFails(heidi.run("login", "--key", key.certificate().toString()), "access: error: " + key.certificate()
                + " is a certificate, not a public key; give the .pub key it was issued for");

        AccessCli.Result mine = heidi.run("request", "ls", "--json");
        assertThat(mine.exitCode()).as(mine.toString()).isZero();
        assertThat(Jq.eval(mine.stdout(), "length")).as("no request was created").isEqualTo("0");

        // a private key path is fine when its .pub sits next to it
        AccessCli.Result viaPrivate = heidi.run("login", "--key", key.key().privateKey().toString());
        assertThat(viaPrivate.exitCode()).as(viaPrivate.toString()).isZero();
    }

    @Test
    void login_noKeyInHome_exit1AndSaysHowToMakeOne(CliAirlock airlock, @TempDir Path home) {
        AccessCli.Result result = airlock.cli(home).run("--user", "ivan", "--groups", "contractors", "login");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("access: error: no SSH public key found (looked for ~/.ssh/id_ed25519.pub, "
                + "~/.ssh/id_ecdsa.pub, ~/.ssh/id_rsa.pub); create one with 'ssh-keygen -t ed25519' or pass --key PATH\n");
    }

    @Test
    void login_roleTheUserMayNotRequest_exits2WithTheServersDetail(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli.Result result = airlock.cli(home).run("--user", "judy", "--groups", "contractors",
                "login", "--request-roles", "dba-reviewer", "--reason", "let me review");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines()).hasSize(1);
        assertThat(result.stderr()).startsWith("access: error: ").contains("dba-reviewer");
    }

    @Test
    void login_conflictingOptions_areUsageErrors(CliAirlock airlock, @TempDir Path home) {
        AccessCli cli = airlock.cli(home).with("AIRLOCK_USER", "bob");
        assertThat(cli.run("login", "--request-roles", "dba", "--request-id", "abcd").exitCode()).isEqualTo(1);
        assertThat(cli.run("login", "--reason", "why").exitCode()).isEqualTo(1);
        assertThat(cli.run("login", "--nowait").exitCode()).isEqualTo(1);
        AccessCli.Result badTtl = cli.run("login", "--request-roles", "dba", "--reason", "r", "--ttl", "soon");
        assertThat(badTtl.exitCode()).isEqualTo(1);
        assertThat(badTtl.stderr()).contains("--ttl must be a duration such as 90s, 30m or 1h30m, was 'soon'");
    }

    @Test
    void loginNowaitJson_printsTheRequestOnStdout_andNeedsNoSshKey(CliAirlock airlock, @TempDir Path home) {
        // no ~/.ssh at all: --nowait does not sign, so it must not look for a key
        AccessCli.Result result = airlock.cli(home).run("--user", "nora", "--groups", "contractors", "login",
                "--request-roles", "dba", "--reason", "scripted", "--nowait", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("{").contains("\"user\": \"nora\"").contains("\"state\": \"PENDING\"")
                .contains("\"roles\": [");
        // login guidance (suggested reviewers, the role's prompt) may come before the "Seeking" line
        String id = idOf(result.stderrLines().stream().filter(l -> AccessExchangeIT.SEEKING.matcher(l).matches())
                .findFirst().orElse(result.stderrLines().get(0)));
        assertThat(result.stdout()).contains("\"id\": \"" + id + "\"");
        assertThat(result.stderr()).contains("Request " + id + " is pending; once it is approved, run: ");
    }

    static String idOf(String seekingLine) {
        Matcher matcher = AccessExchangeIT.SEEKING.matcher(seekingLine);
        assertThat(matcher.matches()).as(seekingLine).isTrue();
        return matcher.group(1);
    }

    private static void assertFails(AccessCli.Result result, String stderr) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo(stderr + "\n");
        assertThat(result.stdout()).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
