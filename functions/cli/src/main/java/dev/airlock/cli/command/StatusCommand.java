package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.auth.Credentials;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.http.RequestListing;
import dev.airlock.cli.sso.Session;
import dev.airlock.cli.sso.SignIn;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import dev.airlock.cli.text.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code access status}: who Airlock takes the caller for ({@code GET /me}: user, groups, base roles and
 * their logins, what they may request and review), the roles of their approved requests, and for a
 * signed-in session until when it holds — {@code tsh status}. Works with any credential the CLI uses.
 */
@Command(name = "status")
public final class StatusCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Option(names = "--json", description = "the status as JSON on stdout")
    boolean json;

    public StatusCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        Credentials credentials = cli.credentials();
        if (!credentials.configured()) {
            throw new CliException(Exit.DENIED, "not signed in to " + cli.apiUrl() + ": run 'access login'");
        }
        // Calls with the token in use: a session's is refreshed when due, and the calls show it still works.
        ApiClient api = cli.api();
        ObjectNode me = api.json("GET", "/me", null);
        String user = RequestText.text(me, "user");
        List<ObjectNode> approved = cli.listing(api).all("state=APPROVED&user=" + RequestListing.encode(user));
        Optional<Session> session = credentials.fromSession() ? SignIn.store(cli).read() : Optional.empty();
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(json(me, approved, session)));
            return Exit.OK;
        }
        StatusText.lines(cli.apiUrl().toString(), me, approved, session, credentials.origin())
                .forEach(cli.console()::printSafe);
        return Exit.OK;
    }

    private static ObjectNode json(ObjectNode me, List<ObjectNode> approved, Optional<Session> session) {
        ObjectNode json = me.deepCopy();
        session.ifPresent(s -> json.put("url", s.url()).put("issuer", s.deployment().issuer())
                .put("expiresAt", s.expiresAt().toString()).put("refreshable", s.refreshToken().isPresent()));
        ArrayNode requests = json.putArray("approvedRequests");
        approved.forEach(requests::add);
        return json;
    }
}
