package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine;

/**
 * The command tree. Adding a command is one class and one line here (and its help text in
 * resources dev/airlock/cli/help/): e.g. {@code request revoke}, {@code cert ls}, {@code krl},
 * {@code roles check FILE}.
 */
public final class Commands {

    private Commands() {
    }

    public static CommandLine tree(Cli cli) {
        CommandLine root = new CommandLine(new AccessCommand(cli));
        root.addSubcommand(new LoginCommand(cli));
        root.addSubcommand(new CommandLine(new RequestCommand(cli))
                .addSubcommand(new RequestLsCommand(cli))
                .addSubcommand(new RequestShowCommand(cli))
                .addSubcommand(new ApproveCommand(cli))
                .addSubcommand(new DenyCommand(cli))
                .addSubcommand(new RequestDropCommand(cli)));
        root.addSubcommand(new CaCommand(cli));
        root.addSubcommand(new CommandLine(new AuditCommand(cli)).addSubcommand(new AuditVerifyCommand(cli)));
        root.addSubcommand(new CommandLine(new RolesCommand(cli)).addSubcommand(new RolesApplyCommand(cli)));
        root.addSubcommand(new TokenCommand(cli));
        root.addSubcommand(new CompletionCommand(cli));
        root.addSubcommand(new HelpCommand(cli));
        // Arguments are data: "@file" is not expanded, a repeated option keeps the last value.
        root.setExpandAtFiles(false);
        root.setOverwrittenOptionsAllowed(true);
        return root;
    }
}
