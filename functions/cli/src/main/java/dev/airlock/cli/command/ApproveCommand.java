package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access request approve ID}. */
@Command(name = "approve")
public final class ApproveCommand extends ReviewCommand {

    public ApproveCommand(Cli cli) {
        super(cli, "APPROVE", "approved");
    }
}
