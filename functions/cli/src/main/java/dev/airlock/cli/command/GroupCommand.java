package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.HelpText;
import dev.airlock.cli.UsageError;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that only groups others ({@code access}, {@code access request}, {@code access audit}):
 * alone it prints its help on stderr and exits 1; {@code help} prints it on stdout; any other word is
 * an unknown command.
 */
abstract class GroupCommand implements Callable<Integer> {

    protected final Cli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..1", hidden = true)
    String word;

    GroupCommand(Cli cli) {
        this.cli = cli;
    }

    /** "request command", or "command" for the top level. */
    abstract String what();

    @Override
    public Integer call() {
        if (word == null) {
            cli.console().help(HelpText.of(spec.commandLine()), true);
            return Exit.USAGE;
        }
        if (word.equals("help")) {
            cli.console().help(HelpText.of(spec.commandLine()), false);
            return Exit.OK;
        }
        throw new UsageError("unknown " + what() + " '" + word + "'");
    }
}
