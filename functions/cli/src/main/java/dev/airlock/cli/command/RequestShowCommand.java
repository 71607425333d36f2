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

/** {@code access request show ID [--json]}: GET /requests/{id}. */
@Command(name = "show")
public final class RequestShowCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "request id or a unique prefix")
    List<String> ids;

    @Option(names = "--json", description = "the request as JSON on stdout")
    boolean json;

    public RequestShowCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        String given = RequestIdArgument.single(ids, "show");
        ApiClient api = cli.api();
        String id = cli.ids(api).resolve(given);
        ObjectNode request = api.json("GET", "/requests/" + id, null);
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(request));
        } else {
            RequestText.show(request).forEach(cli.console()::printSafe);
        }
        return Exit.OK;
    }
}
