package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine.Command;

/** {@code access cert ls|revoke}: work with issued certificates. */
@Command(name = "cert")
public final class CertCommand extends GroupCommand {

    public CertCommand(Cli cli) {
        super(cli);
    }

    @Override
    String what() {
        return "cert command";
    }
}
