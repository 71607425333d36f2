package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code access [--user NAME [--groups G1,G2]] [--url URL] [--json] COMMAND}. */
@Command(name = "access")
public final class AccessCommand extends GroupCommand {

    @Mixin
    GlobalOptions global;

    public AccessCommand(Cli cli) {
        super(cli);
        this.global = cli.global();
    }

    @Override
    String what() {
        return "command";
    }
}
