package dev.airlock.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line in-process: parse errors in the CLI's words, help for each command; no server. */
class AccessMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        Cli cli = new Cli(console, new Environment(Map.of(), Path.of("/nonexistent")),
                Clock.fixed(Instant.parse("2026-12-05T23:30:00Z"), ZoneOffset.UTC));
        return AccessMain.run(args.isEmpty() ? new String[0] : args.split(" "), cli);
    }

    @ParameterizedTest(name = "access {0}")
    @CsvSource(delimiter = '|', value = {
            "frobnicate                | unknown command 'frobnicate'         | access",
            "--bogus login             | unknown option '--bogus'             | access",
            "request frob              | unknown request command 'frob'       | access request",
            "roles frob                | unknown roles command 'frob'         | access roles",
            "request ls --colour       | unknown argument '--colour'          | access request ls",
            "ca extra                  | unknown argument 'extra'             | access ca",
            "request show              | show needs a request id              | access request show",
            "request drop a b          | drop takes one request id            | access request drop",
            "login --ttl               | --ttl needs a value                  | access login",
            "--user bob --groups       | --groups needs a value               | access",
            "login --ttl soon --request-roles dba | --ttl must be a duration such as 90s, 30m or 1h30m, was 'soon' | access login",
            "--user  login             | --user needs a name                  | access login",
            "help frob                 | no help for 'frob'                   | access help",
            "audit verify --since      | --since needs a value                | access audit verify"})
    void usageErrors_exit1_inTheCliWords_withAPointerToTheCommandsHelp(String args, String message, String command) {
        assertThat(run(args.strip())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("access: error: " + message + "\nTry '" + command + " --help'.\n");
        assertThat(out.size()).isZero();
    }

    @ParameterizedTest(name = "access {0}")
    @CsvSource(delimiter = '|', value = {
            "roles apply --help   | Usage: access roles apply FILE",
            "help roles apply     | Usage: access roles apply FILE",
            "roles check --help   | Usage: access roles check FILE",
            "notifications apply --help | Usage: access notifications apply FILE",
            "help notifications   | Usage: access notifications apply FILE",
            "completion --help    | Usage: access completion",
            "audit verify --help  | Usage: access audit verify [--since N]",
            "request list --help  | Usage: access request ls",
            "request withdraw -h  | Usage: access request drop ID"})
    void help_printsTheCommandsText(String args, String firstLine) {
        assertThat(run(args.strip())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith(firstLine);
    }

    @org.junit.jupiter.api.Test
    void completion_printsABashScriptCoveringTheCommandTree() {
        assertThat(run("completion")).isZero();
        String script = out.toString(StandardCharsets.UTF_8);
        assertThat(script).contains("complete -F", "_picocli_access_request_ls", "--request-roles", "approve");
    }

    @org.junit.jupiter.api.Test
    void rolesCheck_printsWhatAirlockEnforcesAndRefuses_offline(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path ok = java.nio.file.Files.writeString(dir.resolve("ok.yaml"),
                "kind: role\nversion: v7\nmetadata: { name: editor }\nspec: { allow: { logins: [editor] } }\n");
        Path refused = java.nio.file.Files.writeString(dir.resolve("where.yaml"), "kind: role\nversion: v7\n"
                + "metadata: { name: r }\nspec: { allow: { review_requests: { roles: [r], where: 'true' } } }\n");

        assertThat(run("roles check " + ok)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("role editor (v7)", "enforced: spec.allow.logins",
                "ok.yaml: ok, 1 document");
        assertThat(run("roles check " + refused)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("spec.allow.review_requests.where: not supported by Airlock");
    }
}
