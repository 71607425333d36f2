package dev.airlock.cli.command;

import dev.airlock.aws.admin.AdminMain;
import dev.airlock.cli.Cli;
import dev.airlock.cli.Environment;
import dev.airlock.cli.Exit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an operator command of {@link AdminMain} in this process, against the tables named in the
 * environment or local.env ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, {@code AIRLOCK_REQUESTS_TABLE},
 * {@code AIRLOCK_AUDIT_TABLE}, {@code AIRLOCK_CA_KEY_ID}; for {@code verify} also {@code AIRLOCK_URL} and the
 * checkpoint anchor: {@code AIRLOCK_CHECKPOINT_BUCKET}, {@code AIRLOCK_AUDIT_KEY_ID},
 * {@code AIRLOCK_CHECKPOINT_INTERVAL}, which {@code scripts/local-up} writes). Its output carries table contents, so every line passes the
 * terminal escaping on its way out.
 */
final class AdminRun {

    private AdminRun() {
    }

    /** AdminMain's exit code for {@code command args}. */
    static int run(Cli cli, String command, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(args);
        option(cli, all, "--endpoint", Environment.AWS_ENDPOINT_URL);
        option(cli, all, "--region", Environment.AWS_REGION);
        option(cli, all, "--requests-table", Environment.REQUESTS_TABLE);
        option(cli, all, "--audit-table", Environment.AUDIT_TABLE);
        option(cli, all, "--ca-key", Environment.CA_KEY_ID);
        if (command.equals("verify")) { // the served CA key, from the public GET /ca when no --ca-key
            option(cli, all, "--ca-url", Environment.URL);
            option(cli, all, "--checkpoint-bucket", Environment.CHECKPOINT_BUCKET);
            option(cli, all, "--audit-key", Environment.AUDIT_KEY_ID);
            option(cli, all, "--checkpoint-interval", Environment.CHECKPOINT_INTERVAL);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = AdminMain.run(all.toArray(String[]::new), cli.env().asMap(), o, e);
        }
        out.toString(StandardCharsets.UTF_8).lines().forEach(cli.console()::say);
        err.toString(StandardCharsets.UTF_8).lines().forEach(cli.console()::note);
        return code;
    }

    /** AdminMain's exit code as the CLI's (docs/CLI.md "Exit codes"). */
    static int exitCode(int adminCode) {
        return switch (adminCode) {
            case AdminMain.OK -> Exit.OK;
            case AdminMain.BREAKS_FOUND -> Exit.AUDIT_BROKEN;
            case AdminMain.USAGE, AdminMain.INVALID_INPUT -> Exit.USAGE;
            default -> Exit.UNAVAILABLE;
        };
    }

    private static void option(Cli cli, List<String> args, String option, String variable) {
        cli.env().setting(variable).ifPresent(value -> {
            args.add(option);
            args.add(value);
        });
    }
}
