package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.text.CertificateText;
import dev.airlock.cli.text.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code access cert ls [--all] [--json]}: GET /certificates, every page. Your own certificates only;
 * by default those that have not expired (what still opens a session, as {@code tsh status} shows),
 * {@code --all} adds the expired ones.
 */
@Command(name = "ls", aliases = "list")
public final class CertLsCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Option(names = "--all", description = "expired certificates too")
    boolean all;

    @Option(names = "--json", description = "a JSON array of the certificates on stdout")
    boolean json;

    public CertLsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        List<ObjectNode> certificates = cli.listing(cli.api()).all("/certificates", all ? "includeExpired=true" : "");
        if (cli.console().json()) {
            ArrayNode array = Json.array();
            certificates.forEach(array::add);
            cli.console().printData(Json.pretty(array));
        } else if (certificates.isEmpty()) {
            cli.console().say(all ? "You have no certificates." : "You have no unexpired certificates (--all lists "
                    + "expired ones too).");
        } else {
            CertificateText.table(certificates).forEach(cli.console()::printSafe);
        }
        return Exit.OK;
    }
}
