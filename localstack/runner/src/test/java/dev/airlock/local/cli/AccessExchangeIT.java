package dev.airlock.local.cli;

import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.testing.SshKeygen;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-person exchange, as two people run it in two terminals: bob's {@code access login
 * --request-roles=dba} waits in one process while alice lists and approves the request from another;
 * bob's login then writes a certificate that a real OpenSSH sshd, trusting the CA line
 * {@code access ca} prints, accepts for the {@code dba} principal.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessExchangeIT {

    static final Pattern SEEKING = Pattern.compile("^Seeking request approval\\.\\.\\. \\(id: ([0-9a-f-]{36})\\)$");

    @Test
    void bobWaits_aliceApprovesByPrefix_bobsCertificateLogsInToARealSshdAsDba(CliAirlock airlock,
            @TempDir Path bobHome, @TempDir Path aliceHome) {
        // GIVEN bob (AIRLOCK_USER, a demo user: group contractors) with ~/.ssh/id_ed25519, and alice
        UserHome bob = UserHome.withEd25519(bobHome);
        AccessCli bobCli = airlock.cli(bobHome).with("AIRLOCK_USER", "bob");
        AccessCli aliceCli = airlock.cli(aliceHome);

        // WHEN bob asks for dba and waits
        LocalDate firstDay = ValidUntil.todayUtc();
        AccessCli.Running login = bobCli.start("login", "--request-roles=dba", "--reason", "INC-4211: slow queries");
        Matcher seeking = SEEKING.matcher(login.awaitStdoutLine(line -> line.startsWith("Seeking")));
        assertThat(seeking.matches()).isTrue();
        String id = seeking.group(1);
        String prefix = id.substring(0, 8);

        // THEN alice sees it in her table, exactly as tctl request ls shows it
        AccessCli.Result ls = aliceCli.run("--user", "alice", "request", "ls");
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.stdoutLines().get(0)).matches("ID {8}REQUESTOR {2}ROLES +REASON +CREATED \\(UTC\\) +STATE");
        assertThat(ls.stdoutLines()).anyMatch(line -> line.matches(Pattern.quote(prefix)
                + " {2}bob +dba +INC-4211: slow queries +\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} +PENDING"));
        assertThat(login.isAlive()).as("bob is still waiting for a decision").isTrue();

        // WHEN alice approves it by its 8-character prefix
        AccessCli.Result approve = aliceCli.run("--user", "alice", "request", "approve", prefix, "--reason", "ok, 2h");
        assertThat(approve.exitCode()).as(approve.toString()).isZero();
        assertThat(approve.stdout()).isEqualTo("approved request " + prefix + " (bob: dba); it is now APPROVED\n");

        // THEN bob's login completes and writes the certificate next to his key
        AccessCli.Result done = login.await();
        LocalDate lastDay = ValidUntil.todayUtc();
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.stdoutLines()).hasSize(2);
        // the time is checked against the certificate: its form depends on whether it expires today
        assertThat(done.stdoutLines().get(1)).matches("certificate written to ~/\\.ssh/id_ed25519-cert\\.pub "
                + "\\(principals: contractor, dba, valid until (\\d{4}-\\d{2}-\\d{2} )?\\d{2}:\\d{2} UTC\\)");
        assertThat(done.stderr()).as("no progress line when stderr is not a terminal, no token").isEmpty();
        Path certificate = bob.certificate();
        ValidUntil.assertPrinted(done.stdoutLines().get(1), certificate, firstDay, lastDay);
        assertThat(certificate).isRegularFile();
        assertThat(PosixFilePermissions.toString(permissions(certificate))).isEqualTo("rw-r--r--");
        assertThat(SshKeygen.read(certificate)).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        String listed = SshKeygen.list(certificate).requireSuccess("ssh-keygen -L").stdout();
        assertThat(listed).containsPattern("Principals:\\s+contractor\\s+dba\\s");

        AccessCli.Result show = bobCli.run("request", "show", prefix, "--json");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(Jq.test(show.stdout(), ".id == \"" + id + "\" and .state == \"APPROVED\" and .reviews[0].reviewer == "
                + "\"alice\" and .reviews[0].reason == \"ok, 2h\" and (.certificateSerials | length) == 1")).isTrue();

        // AND a real sshd trusting `access ca` lets bob in as dba with that certificate
        AccessCli.Result ca = bobCli.run("ca");
        assertThat(ca.exitCode()).as(ca.toString()).isZero();
        SshPublicKey caKey = SshPublicKey.parse(ca.stdout().strip());
        try (SshdFixture sshd = SshdFixture.start(List.of(caKey), List.of("dba"))) {
            SshdFixture.LoginResult ssh = sshd.login(bob.key().privateKey(), certificate, "echo airlock-ok");
            assertThat(ssh.succeeded()).as(ssh + "\n" + sshd.log()).isTrue();
            assertThat(ssh.stdout()).contains("airlock-ok");

            // while a certificate for bob's base roles only (principal contractor) is refused
            AccessCli.Result base = bobCli.run("login");
            assertThat(base.exitCode()).as(base.toString()).isZero();
            assertThat(base.stdout()).contains("(principals: contractor, valid until");
            SshdFixture.LoginResult refused = sshd.login(bob.key().privateKey(), certificate, "echo airlock-ok");
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.stdout()).doesNotContain("airlock-ok");
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
