package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.RequestListing;
import dev.airlock.cli.sso.Session;
import dev.airlock.cli.sso.SignIn;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code access status}: who the signed-in session names, with which groups, the roles of the
 * person's approved requests, and until when the token holds (tsh status). Base roles come from the
 * server's role file ({@code claims_to_roles} on these claims) and no API reports them, so the groups
 * are shown instead and the output says so.
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
        Session session = SignIn.store(cli).read().orElseThrow(() -> new CliException(Exit.DENIED,
                "not signed in to " + cli.apiUrl() + ": run 'access login'"));
        // A call with the session's token: refreshes it when due and shows it still works.
        List<ObjectNode> approved = cli.listing(cli.api()).all("state=APPROVED&user=" + RequestListing.encode(session.user()));
        Session current = SignIn.store(cli).read().orElse(session);
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(json(current, approved)));
            return Exit.OK;
        }
        cli.console().say("> Airlock:       " + current.url());
        cli.console().say("  Signed in as:  " + current.user());
        cli.console().say("  Issuer:        " + current.deployment().issuer());
        cli.console().say("  Groups:        " + (current.groups().isEmpty() ? "(none)" : String.join(", ", current.groups()))
                + "  (base roles follow from these by the server's role file)");
        cli.console().say("  Access:        " + (approved.isEmpty() ? "no approved request" : String.join("; ", access(approved))));
        cli.console().say("  Valid until:   " + Times.minuteUtc(current.expiresAt().toString())
                + (current.refreshToken().isPresent() ? " (renewed with the refresh token while the provider allows)"
                : " (then sign in again)"));
        return Exit.OK;
    }

    private static List<String> access(List<ObjectNode> approved) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode request : approved) {
            List<String> roles = new ArrayList<>();
            request.path("roles").forEach(role -> roles.add(role.asString()));
            String until = Json.text(request, "accessExpiresAt").map(Times::minuteUtc).map(t -> " until " + t).orElse("");
            lines.add(String.join(",", roles) + " (request " + Json.text(request, "id").orElse("?").substring(0, 8) + until + ")");
        }
        return lines;
    }

    private static ObjectNode json(Session session, List<ObjectNode> approved) {
        ObjectNode json = Json.object().put("url", session.url()).put("user", session.user())
                .put("issuer", session.deployment().issuer()).put("expiresAt", session.expiresAt().toString())
                .put("refreshable", session.refreshToken().isPresent());
        session.groups().forEach(json.putArray("groups")::add);
        ArrayNode requests = json.putArray("approvedRequests");
        approved.forEach(requests::add);
        return json;
    }
}
