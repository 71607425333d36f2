package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/**
 * {@code access roles apply} and {@code access roles check} (a role file checked offline), the subcommand
 * classes registered in {@link Commands}.
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
