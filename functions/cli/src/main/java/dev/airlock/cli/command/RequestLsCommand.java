package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.UsageError;
import dev.airlock.cli.http.RequestListing;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code access request ls [--state STATE] [--user USER] [--json]}: GET /requests, every page. */
@Command(name = "ls", aliases = "list")
public final class RequestLsCommand implements Callable<Integer> {

    static final List<String> STATES = List.of("PENDING", "APPROVED", "DENIED", "EXPIRED", "REVOKED", "WITHDRAWN");

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Option(names = "--state", paramLabel = "STATE", description = "only requests in STATE")
    String state;

    @Option(names = "--user", paramLabel = "USER", description = "only requests made by USER")
    String user;

    @Option(names = "--json", description = "a JSON array of the requests on stdout")
    boolean json;

    public RequestLsCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        String query = "";
        String wanted = null;
        if (state != null && !state.isEmpty()) {
            wanted = state.toUpperCase(Locale.ROOT);
            if (!STATES.contains(wanted)) {
                throw new UsageError("--state must be one of " + String.join(", ", STATES) + ", was '" + state + "'");
            }
            query = "state=" + wanted;
        }
        if (user != null && !user.isEmpty()) {
            query = (query.isEmpty() ? "" : query + "&") + "user=" + RequestListing.encode(user);
        }
        List<ObjectNode> requests = cli.listing(cli.api()).all(query);
        if (cli.console().json()) {
            ArrayNode array = Json.array();
            requests.forEach(array::add);
            cli.console().printData(Json.pretty(array));
        } else if (requests.isEmpty()) {
            cli.console().say("No access requests" + (wanted == null ? "" : " in state " + wanted)
                    + (user == null || user.isEmpty() ? "" : " by " + user) + ".");
        } else {
            RequestText.table(requests).forEach(cli.console()::printSafe);
        }
        return Exit.OK;
    }
}
