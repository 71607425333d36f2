package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code access request drop ID [--json]}: DELETE /requests/{id} (the request becomes WITHDRAWN). */
@Command(name = "drop", aliases = "withdraw")
public final class RequestDropCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "request id or a unique prefix")
    List<String> ids;

    @Option(names = "--json", description = "the withdrawn request as JSON on stdout")
    boolean json;

    public RequestDropCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        String given = RequestIdArgument.single(ids, "drop");
        ApiClient api = cli.api();
        String id = cli.ids(api).resolve(given);
        ObjectNode dropped = api.json("DELETE", "/requests/" + id, null);
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(dropped));
        } else {
            cli.console().say(RequestText.withdrawn(dropped));
        }
        return Exit.OK;
    }
}
