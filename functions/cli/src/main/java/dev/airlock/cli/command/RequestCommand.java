package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access request ls|show|approve|deny|drop}: tctl request, for Airlock. */
@Command(name = "request")
public final class RequestCommand extends GroupCommand {

    public RequestCommand(Cli cli) {
        super(cli);
    }

    @Override
    String what() {
        return "request command";
    }
}
