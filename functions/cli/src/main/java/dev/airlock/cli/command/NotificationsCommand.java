package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access notifications apply}, the subcommand class registered in {@link Commands}. */
@Command(name = "notifications")
public final class NotificationsCommand extends GroupCommand {

    public NotificationsCommand(Cli cli) {
        super(cli);
    }

    @Override
    String what() {
        return "notifications command";
    }
}
