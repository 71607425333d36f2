package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.UsageError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code access roles check FILE}: what Airlock enforces, ignores and refuses in a role file, per role
 * (AdminMain roles check, i.e. {@code dev.airlock.domain.role.RoleFileChecker}; docs/ROLES.md). Offline:
 * it reads no table.
 */
@Command(name = "check")
public final class RolesCheckCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "the role file (roles.yaml)")
    List<String> files;

    public RolesCheckCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (files == null || files.size() != 1) {
            throw new UsageError(files == null || files.isEmpty() ? "check needs a role file" : "check takes one role file");
        }
        return AdminRun.exitCode(AdminRun.run(cli, "roles", List.of("check", files.get(0))));
    }
}
