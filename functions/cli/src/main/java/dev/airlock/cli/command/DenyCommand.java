package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access request deny ID}. */
@Command(name = "deny")
public final class DenyCommand extends ReviewCommand {

    public DenyCommand(Cli cli) {
        super(cli, "DENY", "denied");
    }
}
