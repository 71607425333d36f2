package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/**
 * {@code access roles apply}; {@code roles check FILE} (a role file checked offline) joins as one more
 * subcommand class registered in {@link Commands}.
 */
@Command(name = "roles")
public final class RolesCommand extends GroupCommand {

    public RolesCommand(Cli cli) {
        super(cli);
    }

    @Override
    String what() {
        return "roles command";
    }
}
