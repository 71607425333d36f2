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
 * {@code access notifications apply FILE [--actor NAME]}: validates a notification routing file and
 * stores it, with a {@code notifications.applied} audit record (AdminMain apply-notifications;
 * docs/NOTIFICATIONS.md).
 */
@Command(name = "apply")
public final class NotificationsApplyCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "the routing file (notifications.yaml)")
    List<String> files;

    @Option(names = "--actor", paramLabel = "NAME", description = "who applies it, as the audit record names it")
    String actor;

    public NotificationsApplyCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (files == null || files.size() != 1) {
            throw new UsageError(files == null || files.isEmpty() ? "apply needs a notification file" : "apply takes one notification file");
        }
        List<String> args = new ArrayList<>(List.of(files.get(0)));
        if (actor != null) {
            args.add("--actor");
            args.add(actor);
        }
        return AdminRun.exitCode(AdminRun.run(cli, "apply-notifications", args));
    }
}
