package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The command tree. Adding a command is one class and one line here (and its help text in
 * resources dev/airlock/cli/help/): e.g. {@code request revoke}, {@code cert ls}, {@code krl},
 * {@code roles check FILE}.
 *
 * <p>picocli reads each command class's annotations by reflection, which is most of a CLI run's
 * start-up; so a run builds only the branch its command line names (all of it for {@code help} and
 * {@code completion}, which walk the tree). A word that names no command still reaches the root's
 * "unknown command" check.
 */
public final class Commands {

    private static final Map<String, Function<Cli, CommandLine>> TOP_LEVEL = new LinkedHashMap<>();
    /** Global options that take a value (so their value is not taken for the command word). */
    private static final Set<String> VALUED_GLOBALS = Set.of("--user", "--groups", "--url");
    private static final Set<String> WALK_THE_TREE = Set.of("help", "completion");

    static {
        TOP_LEVEL.put("login", cli -> new CommandLine(new LoginCommand(cli)));
        TOP_LEVEL.put("sso", cli -> new CommandLine(new SsoCommand(cli)).addSubcommand(new SsoLoginCommand(cli)));
        TOP_LEVEL.put("logout", cli -> new CommandLine(new LogoutCommand(cli)));
        TOP_LEVEL.put("status", cli -> new CommandLine(new StatusCommand(cli)));
        TOP_LEVEL.put("request", cli -> new CommandLine(new RequestCommand(cli))
                .addSubcommand(new RequestLsCommand(cli))
                .addSubcommand(new RequestShowCommand(cli))
                .addSubcommand(new ApproveCommand(cli))
                .addSubcommand(new DenyCommand(cli))
                .addSubcommand(new RequestDropCommand(cli))
                .addSubcommand(new RequestRevokeCommand(cli)));
        TOP_LEVEL.put("ca", cli -> new CommandLine(new CaCommand(cli)));
        TOP_LEVEL.put("cert", cli -> new CommandLine(new CertCommand(cli)).addSubcommand(new CertLsCommand(cli))
                .addSubcommand(new CertRevokeCommand(cli)));
        TOP_LEVEL.put("krl", cli -> new CommandLine(new KrlCommand(cli)));
        TOP_LEVEL.put("audit", cli -> new CommandLine(new AuditCommand(cli)).addSubcommand(new AuditVerifyCommand(cli)));
        TOP_LEVEL.put("roles", cli -> new CommandLine(new RolesCommand(cli)).addSubcommand(new RolesApplyCommand(cli))
                .addSubcommand(new RolesCheckCommand(cli)));
        TOP_LEVEL.put("notifications", cli -> new CommandLine(new NotificationsCommand(cli))
                .addSubcommand(new NotificationsApplyCommand(cli)));
        TOP_LEVEL.put("token", cli -> new CommandLine(new TokenCommand(cli)));
        TOP_LEVEL.put("completion", cli -> new CommandLine(new CompletionCommand(cli)));
        TOP_LEVEL.put("help", cli -> new CommandLine(new HelpCommand(cli)));
    }

    private Commands() {
    }

    /** The whole tree. */
    public static CommandLine tree(Cli cli) {
        return tree(cli, TOP_LEVEL.keySet());
    }

    /** The tree as far as {@code args} need it. */
    public static CommandLine treeFor(Cli cli, String... args) {
        String word = commandWord(args);
        if (word == null || !TOP_LEVEL.containsKey(word)) {
            return tree(cli, Set.of());
        }
        return WALK_THE_TREE.contains(word) ? tree(cli) : tree(cli, Set.of(word));
    }

    private static CommandLine tree(Cli cli, Set<String> names) {
        CommandLine root = new CommandLine(new AccessCommand(cli));
        TOP_LEVEL.forEach((name, build) -> {
            if (names.contains(name)) {
                root.addSubcommand(build.apply(cli));
            }
        });
        // Arguments are data: "@file" is not expanded, a repeated option keeps the last value.
        root.setExpandAtFiles(false);
        root.setOverwrittenOptionsAllowed(true);
        return root;
    }

    /** The first argument that is neither a global option nor its value. */
    static String commandWord(String... args) {
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (VALUED_GLOBALS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}
