package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code access request approve|deny ID [--reason TEXT] [--json]}: POST /requests/{id}/reviews. */
abstract class ReviewCommand implements Callable<Integer> {

    private final Cli cli;
    private final String verdict;
    private final String done;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "request id or a unique prefix")
    List<String> ids;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (shown to the requester, kept in the audit log)")
    String reason;

    @Option(names = "--json", description = "the request after the review as JSON on stdout")
    boolean json;

    ReviewCommand(Cli cli, String verdict, String done) {
        this.cli = cli;
        this.verdict = verdict;
        this.done = done;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        String given = RequestIdArgument.single(ids, verdict.toLowerCase(Locale.ROOT));
        ApiClient api = cli.api();
        String id = cli.ids(api).resolve(given);
        ObjectNode body = Json.object().put("verdict", verdict);
        if (reason != null) {
            body.put("reason", reason);
        }
        ObjectNode reviewed = api.json("POST", "/requests/" + id + "/reviews", Json.compact(body));
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(reviewed));
        } else {
            cli.console().say(RequestText.reviewed(done, reviewed));
        }
        return Exit.OK;
    }
}
