package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Environment;
import dev.airlock.cli.Exit;
import dev.airlock.cli.UsageError;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.login.ApprovalWait;
import dev.airlock.cli.login.PollInterval;
import dev.airlock.cli.login.PublicKeyFile;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.Shell;
import dev.airlock.domain.role.GoDuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code access login}: request roles (or reuse a request), wait for the decision, sign the SSH key
 * and write its certificate next to it — tsh login --request-roles, for Airlock.
 */
@Command(name = "login")
public final class LoginCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Option(names = "--request-roles", paramLabel = "R1,R2", description = "roles to request")
    String roles;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why you need them")
    String reason;

    @Option(names = "--ttl", paramLabel = "DUR", description = "how long the request may wait for approval")
    String ttl;

    @Option(names = "--duration", paramLabel = "DUR", description = "how long the access lasts once approved")
    String duration;

    @Option(names = "--request-id", paramLabel = "ID", description = "use an existing request")
    String requestId;

    @Option(names = "--nowait", description = "do not wait for the decision")
    boolean nowait;

    @Option(names = "--key", paramLabel = "PUBKEY", description = "the public key to sign")
    String key;

    @Option(names = "--json", description = "the certificate details as JSON on stdout")
    boolean json;

    public LoginCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        checkOptions();
        PollInterval interval = PollInterval.of(cli.env().get(Environment.POLL_INTERVAL));
        PublicKeyFile keyFile = PublicKeyFile.resolve(Optional.ofNullable(key).filter(k -> !k.isEmpty()), cli.home());
        ApiClient api = cli.api();
        String id;
        if (present(roles)) {
            id = createRequest(api);
        } else if (present(requestId)) {
            id = cli.ids(api).resolve(requestId);
        } else {
            new CertificateSigning(cli, api, keyFile).sign(null);
            return Exit.OK;
        }
        String resume = resumeCommand(id);
        ApprovalWait wait = new ApprovalWait(api, cli.console(), cli.clock(), interval, resume);
        // armed before the id is printed, so whoever reacts to that line can interrupt safely
        wait.armInterruptHint(id);
        if (present(roles)) {
            cli.console().say("Seeking request approval... (id: " + id + ")");
        }
        if (nowait && "PENDING".equals(Json.text(api.json("GET", "/requests/" + id, null), "state").orElse(""))) {
            wait.disarm();
            cli.console().say("Request " + id + " is pending; once it is approved, run: " + resume);
            return Exit.OK;
        }
        wait.until(id);
        new CertificateSigning(cli, api, keyFile).sign(id);
        return Exit.OK;
    }

    private void checkOptions() {
        if (present(roles) && present(requestId)) {
            throw new UsageError("use either --request-roles or --request-id, not both");
        }
        if (!present(roles)) {
            if (reason != null) {
                throw new UsageError("--reason goes with --request-roles");
            }
            if (present(ttl) || present(duration)) {
                throw new UsageError("--ttl and --duration go with --request-roles");
            }
            if (nowait && !present(requestId)) {
                throw new UsageError("--nowait goes with --request-roles or --request-id");
            }
        }
        checkDuration("--ttl", ttl, "90s, 30m or 1h30m");
        checkDuration("--duration", duration, "30m or 2h");
    }

    /** Go/Teleport duration syntax, parsed by the same code the server uses (domain GoDuration). */
    private static void checkDuration(String option, String value, String examples) {
        if (!present(value)) {
            return;
        }
        try {
            GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + " must be a duration such as " + examples + ", was '" + value + "'");
        }
    }

    private String createRequest(ApiClient api) {
        ObjectNode body = Json.object();
        ArrayNode names = body.putArray("roles");
        Arrays.stream(roles.split(",")).map(String::strip).filter(name -> !name.isEmpty()).forEach(names::add);
        if (names.isEmpty()) {
            throw new UsageError("--request-roles names no role");
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        if (present(ttl)) {
            body.put("pendingTtl", ttl);
        }
        if (present(duration)) {
            body.put("accessDuration", duration);
        }
        // A retry after a lost reply must not create a second request (docs/API.md, Idempotency-Key).
        ObjectNode created = api.json("POST", "/requests", Json.compact(body),
                Map.of("Idempotency-Key", "access-login-" + UUID.randomUUID()));
        return Json.text(created, "id")
                .orElseThrow(() -> new CliException(Exit.UNAVAILABLE, "unexpected reply to POST /requests (no id)"));
    }

    /** The command that resumes the wait, with the global options that chose the caller and server. */
    private String resumeCommand(String id) {
        StringBuilder text = new StringBuilder("access");
        cli.global().url().ifPresent(url -> text.append(" --url ").append(Shell.quote(url)));
        cli.global().user().ifPresent(user -> text.append(" --user ").append(Shell.quote(user)));
        cli.global().groups().ifPresent(groups -> text.append(" --groups ").append(Shell.quote(groups)));
        text.append(" login --request-id ").append(id);
        if (present(key)) {
            text.append(" --key ").append(Shell.quote(key));
        }
        return text.toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
