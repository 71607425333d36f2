package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.HelpText;
import dev.airlock.cli.UsageError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code access help [COMMAND [SUBCOMMAND]]}: the same text as {@code access COMMAND --help}. */
@Command(name = "help")
public final class HelpCommand implements Callable<Integer> {

    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "COMMAND")
    List<String> words;

    public HelpCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CommandLine target = spec.root().commandLine();
        for (String word : words == null ? List.<String>of() : words) {
            CommandLine sub = target.getSubcommands().get(word);
            if (sub == null) {
                if (target == spec.root().commandLine()) {
                    throw new UsageError("no help for '" + word + "'");
                }
                break;
            }
            target = sub;
        }
        cli.console().help(HelpText.of(target), false);
        return Exit.OK;
    }
}
