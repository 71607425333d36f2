package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access sso login}: single sign-on on its own. */
@Command(name = "sso")
public final class SsoCommand extends GroupCommand {

    public SsoCommand(Cli cli) {
        super(cli);
    }

    @Override
    String what() {
        return "sso command";
    }
}
