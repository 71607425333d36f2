package dev.airlock.local.cli;

import dev.airlock.ssh.KrlParser;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.testing.SshdFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's "done when", with the CLI as a process: bob's approved request and a certificate from
 * {@code access login}; a real sshd whose {@code RevokedKeys} file {@code access krl --output} keeps
 * (no token); login works; {@code access request revoke}; after the next sync the login is refused;
 * a certificate for a different approved request still logs in, until {@code access cert revoke}
 * and the sync after it.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessRevocationIT {

    @Test
    void revokedRequestAndCertificate_areRefusedBySshdAfterTheNextKrlSync(CliAirlock airlock, @TempDir Path home,
                                                                         @TempDir Path host) throws IOException {
        UserHome bobHome = UserHome.withEd25519(home);
        AccessCli bob = airlock.cli(home).with("AIRLOCK_USER", "bob");
        // The host: no AIRLOCK_USER, no token; only the URL.
        AccessCli timer = AccessCli.forHome(host).with("AIRLOCK_URL", airlock.url().toString());

        AccessCli.Result ca = timer.run("ca");
        assertThat(ca.exitCode()).as(ca.toString()).isZero();
        SshPublicKey caKey = SshPublicKey.parse(ca.stdout().strip());
        Path initial = host.resolve("revoked_keys");
        sync(timer, initial);

        String first = approvedRequest(bob, airlock.cli(home), "INC-15: first");
        Path firstCertificate = login(bob, first, bobHome, host.resolve("first-cert.pub"));

        try (SshdFixture sshd = SshdFixture.startWithRevokedKeys(List.of(caKey), List.of("dba"),
                Files.readAllBytes(initial))) {
            assertLogsIn(sshd, bobHome, firstCertificate);

            AccessCli.Result revoked = bob.run("request", "revoke", first.substring(0, 8), "--reason", "done early");
            assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
            assertThat(revoked.stdout()).contains("revoked request " + first.substring(0, 8), "it is now REVOKED");
            long before = KrlParser.parse(Files.readAllBytes(sshd.revokedKeysFile())).version();

            AccessCli.Result synced = sync(timer, sshd.revokedKeysFile());
            assertThat(synced.stdout()).startsWith("installed KRL version ");
            assertThat(KrlParser.parse(Files.readAllBytes(sshd.revokedKeysFile())).version()).isGreaterThan(before);
            assertRefused(sshd, bobHome, firstCertificate);

            String second = approvedRequest(bob, airlock.cli(home), "INC-16: second");
            Path secondCertificate = login(bob, second, bobHome, host.resolve("second-cert.pub"));
            assertLogsIn(sshd, bobHome, secondCertificate);

            String serial = Jq.eval(bob.run("login", "--request-id", second, "--json").stdout(), ".serial");
            Path third = Files.copy(bobHome.certificate(), host.resolve("third-cert.pub"));
            AccessCli.Result certRevoked = bob.run("cert", "revoke", serial, "--reason", "lost laptop", "--json");
            assertThat(certRevoked.exitCode()).as(certRevoked.toString()).isZero();
            assertThat(Jq.test(certRevoked.stdout(), ".serial == \"" + serial + "\" and .revoked == true")).isTrue();
            sync(timer, sshd.revokedKeysFile());
            assertRefused(sshd, bobHome, third);
            assertLogsIn(sshd, bobHome, secondCertificate);
        }
    }

    private static AccessCli.Result sync(AccessCli timer, Path output) {
        AccessCli.Result result = timer.run("krl", "--output", output.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private static String approvedRequest(AccessCli bob, AccessCli anyone, String reason) {
        AccessCli.Result created = bob.run("login", "--request-roles", "dba", "--reason", reason, "--nowait");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String id = AccessLoginIT.idOf(created.stdoutLines().get(0));
        AccessCli.Result approved = anyone.run("--user", "alice", "request", "approve", id, "--reason", "ok");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        return id;
    }

    /** {@code access login --request-id}, the certificate kept aside (the next login overwrites it). */
    private static Path login(AccessCli bob, String requestId, UserHome bobHome, Path keep) throws IOException {
        AccessCli.Result login = bob.run("login", "--request-id", requestId);
        assertThat(login.exitCode()).as(login.toString()).isZero();
        return Files.copy(bobHome.certificate(), keep);
    }

    private static void assertLogsIn(SshdFixture sshd, UserHome bob, Path certificate) {
        SshdFixture.LoginResult login = sshd.login(bob.key().privateKey(), certificate, "echo airlock-ok");
        assertThat(login.exitCode()).as(login.stderr() + sshd.log()).isZero();
        assertThat(login.stdout().trim()).isEqualTo("airlock-ok");
    }

    private static void assertRefused(SshdFixture sshd, UserHome bob, Path certificate) {
        SshdFixture.LoginResult refused = sshd.login(bob.key().privateKey(), certificate, "echo airlock-ok");
        assertThat(refused.exitCode()).isEqualTo(255);
        assertThat(refused.stdout()).doesNotContain("airlock-ok");
        assertThat(sshd.log()).contains("revoked");
    }
}
