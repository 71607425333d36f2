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

/**
 * {@code access request revoke ID [--reason TEXT] [--json]}: POST /requests/{id}/revocation (an
 * APPROVED request becomes REVOKED; its certificates go into the KRL).
 */
@Command(name = "revoke")
public final class RequestRevokeCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "request id or a unique prefix")
    List<String> ids;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (required of reviewers; kept in the audit log)")
    String reason;

    @Option(names = "--json", description = "the revoked request as JSON on stdout")
    boolean json;

    public RequestRevokeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        String given = RequestIdArgument.single(ids, "revoke");
        ApiClient api = cli.api();
        String id = cli.ids(api).resolve(given);
        ObjectNode body = Json.object();
        if (reason != null) {
            body.put("reason", reason);
        }
        ObjectNode revoked = api.json("POST", "/requests/" + id + "/revocation", Json.compact(body));
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(revoked));
        } else {
            cli.console().say(RequestText.reviewed("revoked", revoked)
                    + "; its certificates are in the KRL from the hosts' next sync");
        }
        return Exit.OK;
    }
}
