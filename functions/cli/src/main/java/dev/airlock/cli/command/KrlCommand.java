package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.UsageError;
import dev.airlock.cli.krl.KrlSync;
import dev.airlock.cli.text.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code access krl --output FILE [--json]}: sync sshd's RevokedKeys file from the public GET /krl,
 * checked against the CA of GET /ca; no user token (cron and systemd timers have none).
 */
@Command(name = "krl")
public final class KrlCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "the RevokedKeys file to replace")
    Path output;

    @Option(names = "--json", description = "what was installed, as JSON on stdout")
    boolean json;

    public KrlCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        if (output == null) {
            throw new UsageError("krl needs --output FILE (e.g. /etc/ssh/revoked_keys)");
        }
        KrlSync.Outcome outcome = new KrlSync(cli.apiUrl()).sync(output);
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(Json.object().put("output", outcome.output().toString())
                    .put("version", outcome.version())
                    .put("revokedSerials", outcome.revokedSerials()).put("changed", outcome.changed())
                    .put("ca", outcome.caFingerprint())));
        } else {
            cli.console().say((outcome.changed() ? "installed" : "unchanged") + " KRL version "
                    + Long.toUnsignedString(outcome.version()) + " (" + outcome.revokedSerials()
                    + (outcome.revokedSerials() == 1 ? " revoked serial" : " revoked serials") + ", CA " + outcome.caFingerprint() + ") at " + outcome.output());
        }
        return Exit.OK;
    }
}
