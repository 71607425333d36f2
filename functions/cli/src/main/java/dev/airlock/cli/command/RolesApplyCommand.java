package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.UsageError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code access roles apply FILE [--actor NAME]}: validates a role file and stores it as the role
 * configuration, with an audit record (AdminMain apply-roles; docs/ROLES.md).
 */
@Command(name = "apply")
public final class RolesApplyCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "the role file (roles.yaml)")
    List<String> files;

    @Option(names = "--actor", paramLabel = "NAME", description = "who applies it, as the audit record names it")
    String actor;

    public RolesApplyCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (files == null || files.size() != 1) {
            throw new UsageError(files == null || files.isEmpty() ? "apply needs a role file" : "apply takes one role file");
        }
        List<String> args = new ArrayList<>(List.of(files.get(0)));
        if (actor != null) {
            args.add("--actor");
            args.add(actor);
        }
        return AdminRun.exitCode(AdminRun.run(cli, "apply-roles", args));
    }
}
