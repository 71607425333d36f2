package dev.airlock.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.ssh.testing.ExternalCommand;
import dev.airlock.ssh.testing.SshKeygen;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Break-glass end to end, the CLI as a process against a local Airlock with the demo roles: bob gets a
 * certificate without a reviewer, alice's later deny puts it into the KRL ({@code ssh-keygen -Q}), and a
 * fourth break-glass within 24 h is refused with a clear message.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessBreakGlassIT {

    private static final Pattern ID = Pattern.compile("Break-glass request ([0-9a-f-]{36}) is approved");

    @Test
    void bobBreaksGlass_aliceDeniesAfterwards_theCertificateIsInTheKrl_andTheFourthIsRefused(CliAirlock airlock,
            @TempDir Path home) throws Exception {
        UserHome bobHome = UserHome.withEd25519(home);
        AccessCli bob = airlock.cli(home).with("AIRLOCK_USER", "bob").with("AIRLOCK_GROUPS", "contractors");

        AccessCli.Result login = bob.run("login", "--request-roles=dba", "--break-glass", "--reason", "INC-16 db down");

        assertThat(login.exitCode()).as(login.toString()).isZero();
        Matcher opened = ID.matcher(login.stdout());
        assertThat(opened.find()).as(login.stdout()).isTrue();
        String id = opened.group(1);
        assertThat(bobHome.certificate()).exists();
        AccessCli.Result due = airlock.cli(home).run("--user", "alice", "--groups", "dba-reviewers",
                "request", "ls", "--review-due", "--json");
        assertThat(due.exitCode()).as(due.toString()).isZero();
        assertThat(Jq.eval(due.stdout(), "map(.id) | index(\"" + id + "\") != null")).isEqualTo("true");

        AccessCli.Result self = bob.run("request", "approve", id);
        assertThat(self.exitCode()).as(self.toString()).isEqualTo(2);
        AccessCli.Result deny = airlock.cli(home).run("--user", "alice", "--groups", "dba-reviewers",
                "request", "deny", id, "--reason", "no incident on record");
        assertThat(deny.exitCode()).as(deny.toString()).isZero();
        assertThat(deny.stdout()).contains("it is now REVOKED");
        Path krl = home.resolve("airlock.krl");
        Files.write(krl, fetchKrl(airlock));
        ExternalCommand.Result checked = ExternalCommand.run(List.of(SshKeygen.SSH_KEYGEN, "-Q", "-f", krl.toString(),
                bobHome.certificate().toString()));
        assertThat(checked.stdout()).as(checked.toString()).contains("REVOKED");

        for (int i = 2; i <= 3; i++) {
            AccessCli.Result again = bob.run("login", "--request-roles=dba", "--break-glass", "--reason", "INC-" + i);
            assertThat(again.exitCode()).as(again.toString()).isZero();
        }
        AccessCli.Result fourth = bob.run("login", "--request-roles=dba", "--break-glass", "--reason", "INC-4");
        assertThat(fourth.exitCode()).as(fourth.toString()).isNotZero();
        assertThat(fourth.stderr()).startsWith("access: error: at most 3 break-glass requests per 24 h; "
                + "the next is possible at ");
    }

    private static byte[] fetchKrl(CliAirlock airlock) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(airlock.url().resolve("/krl")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
