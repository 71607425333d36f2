package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The script itself: clean under shellcheck (following the sourced files under scripts/lib/access),
 * {@code --help} on every command, and usage errors with exit code 1. None of these needs a server.
 */
class AccessScriptIT {

    @Test
    void shellcheck_findsNothing() throws IOException, InterruptedException {
        Path root = AccessCli.repoRoot();
        Process shellcheck = new ProcessBuilder("shellcheck", "-x", "scripts/access")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(shellcheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shellcheck.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(output).isEmpty();
        assertThat(shellcheck.exitValue()).isZero();
    }

    @ParameterizedTest(name = "access {0}")
    @CsvSource(delimiter = '|', value = {
            "--help                    | Usage: access [--user NAME",
            "help                      | Usage: access [--user NAME",
            "login --help              | Usage: access login [--request-roles",
            "help login                | Usage: access login [--request-roles",
            "request --help            | Usage: access request COMMAND",
            "request ls --help         | Usage: access request ls [--state STATE]",
            "request show --help       | Usage: access request show ID",
            "request approve --help    | Usage: access request approve ID [--reason TEXT]",
            "request deny --help       | Usage: access request deny ID [--reason TEXT]",
            "request drop --help       | Usage: access request drop ID",
            "help request drop         | Usage: access request drop ID",
            "ca --help                 | Usage: access ca",
            "audit --help              | Usage: access audit verify",
            "audit verify --help       | Usage: access audit verify",
            "token --help              | Usage: access token"})
    void help_onEveryCommand_printsUsageAndExits0(String args, String firstLine, @TempDir Path home) {
        AccessCli.Result result = AccessCli.forHome(home).run(args.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines().get(0)).startsWith(firstLine);
        assertThat(result.stderr()).isEmpty();
    }

    @ParameterizedTest(name = "access {0}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate                | unknown command 'frobnicate'",
            "--bogus login             | unknown option '--bogus'",
            "request frob              | unknown request command 'frob'",
            "request ls --colour       | unknown argument '--colour'",
            "request show              | show needs a request id",
            "request approve a b       | approve takes one request id",
            "login --key               | --key needs a value",
            "--groups x login          | --groups goes with --user",
            "audit check               | unknown audit command 'check'"})
    void usageErrors_exit1WithAPointerToHelp(String args, String message, @TempDir Path home) {
        AccessCli.Result result = AccessCli.forHome(home).run(args.split(" "));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderrLines().get(0)).isEqualTo("access: error: " + message);
        assertThat(result.stderrLines().get(1)).startsWith("Try 'access");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void noCommand_printsTheHelpOnStderrAndExits1(@TempDir Path home) {
        AccessCli.Result result = AccessCli.forHome(home).run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrLines()).first().asString().startsWith("Usage: access");
        assertThat(List.of(result.stderr().split("\n"))).contains("Commands:");
    }
}
