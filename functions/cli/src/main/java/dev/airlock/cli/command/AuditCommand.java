package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access audit verify}. */
@Command(name = "audit")
public final class AuditCommand extends GroupCommand {

    public AuditCommand(Cli cli) {
        super(cli);
    }

    @Override
    String what() {
        return "audit command";
    }
}
