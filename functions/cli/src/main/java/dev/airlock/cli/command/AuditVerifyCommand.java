package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code access audit verify}: walks every audit hash chain in DynamoDB (docs/AUDIT.md). */
@Command(name = "verify")
public final class AuditVerifyCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    public AuditVerifyCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        int code = AdminRun.exitCode(AdminRun.run(cli, "verify", List.of()));
        if (code == Exit.AUDIT_BROKEN) {
            cli.console().note("access: the audit log is NOT intact (see the BREAK lines above)");
        }
        return code;
    }
}
