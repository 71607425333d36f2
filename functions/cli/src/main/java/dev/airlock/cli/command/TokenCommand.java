package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code access token}: the bearer token the CLI would use; the only command that prints one. */
@Command(name = "token")
public final class TokenCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    public TokenCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().printData(cli.credentials().token());
        return Exit.OK;
    }
}
