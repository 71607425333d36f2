package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code access audit verify}: walks every audit hash chain in DynamoDB (docs/AUDIT.md). */
@Command(name = "verify")
public final class AuditVerifyCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    /** Incremental: checkpoints from N on (N - 1's hash gives the link), and the heads they name. */
    @Option(names = "--since", paramLabel = "N")
    Long since;

    public AuditVerifyCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<String> args = since == null ? List.of() : List.of("--since", Long.toString(since));
        int code = AdminRun.exitCode(AdminRun.run(cli, "verify", args));
        if (code == Exit.AUDIT_BROKEN) {
            cli.console().note("access: the audit log is NOT intact (see the BREAK lines above)");
        }
        return code;
    }
}
