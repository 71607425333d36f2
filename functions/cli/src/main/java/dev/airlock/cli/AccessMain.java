package dev.airlock.cli;

import dev.airlock.cli.command.Commands;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code access}: Airlock's command line (docs/CLI.md). {@code scripts/access} starts it with two
 * system properties: {@value #STDERR_TERMINAL} (whether stderr is a terminal, for the live progress
 * line; Java 17 cannot ask) and {@value #DEFAULT_HOME} (where local.env is when AIRLOCK_HOME is unset).
 */
public final class AccessMain {

    static final String STDERR_TERMINAL = "access.stderrTerminal";
    static final String DEFAULT_HOME = "access.defaultHome";
    /** The wrapper's one-time run that fills the class-data sharing archive (CdsTraining). */
    static final String CDS_TRAINING = "--cds-training";

    private AccessMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Console console = new Console(out, err, Boolean.getBoolean(STDERR_TERMINAL));
        Path home = Path.of(System.getProperty(DEFAULT_HOME, ".airlock"));
        if (args.length == 1 && args[0].equals(CDS_TRAINING)) {
            System.exit(CdsTraining.run());
        }
        int code = run(args, new Cli(console, new Environment(System.getenv(), home), Clock.systemUTC()));
        console.flush();
        System.exit(code);
    }

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, Cli cli) {
        CommandLine root = Commands.treeFor(cli, args);
        CommandLine current = root;
        try {
            ParseResult parsed = root.parseArgs(args);
            List<CommandLine> path = parsed.asCommandLineList();
            current = path.get(path.size() - 1);
            for (CommandLine command : path) {
                if (command.isUsageHelpRequested()) {
                    cli.console().help(HelpText.of(command), false);
                    return Exit.OK;
                }
            }
            cli.global().validate();
            return ((Callable<?>) current.getCommand()).call() instanceof Integer code ? code : Exit.OK;
        } catch (CommandLine.ParameterException e) {
            return usage(cli.console(), ParseErrors.message(e), e.getCommandLine());
        } catch (UsageError e) {
            return usage(cli.console(), e.getMessage(), current);
        } catch (CliException e) {
            cli.console().error(e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            cli.console().error("unexpected failure: " + e);
            return Exit.UNAVAILABLE;
        }
    }

    private static int usage(Console console, String message, CommandLine command) {
        console.error(message);
        console.note("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return Exit.USAGE;
    }
}
