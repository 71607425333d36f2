package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.Exit;
import dev.airlock.cli.UsageError;
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

/** {@code access cert revoke SERIAL [--reason TEXT] [--json]}: POST /certificates/{serial}/revocation. */
@Command(name = "revoke")
public final class CertRevokeCommand implements Callable<Integer> {

    /** A certificate serial is a uint64 (PROTOCOL.certkeys), written in decimal: at most 20 digits. */
    private static final String DECIMAL_SERIAL = "[0-9]{1,20}";

    private final Cli cli;

    @Mixin
    HelpOption help;

    @Parameters(arity = "0..*", paramLabel = "SERIAL", description = "the certificate's serial (decimal)")
    List<String> serials;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (kept in the audit log)")
    String reason;

    @Option(names = "--json", description = "the revocation as JSON on stdout")
    boolean json;

    public CertRevokeCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.console().jsonOutput(json || cli.global().json());
        String serial = serial();
        ApiClient api = cli.api();
        ObjectNode body = Json.object();
        if (reason != null) {
            body.put("reason", reason);
        }
        ObjectNode revoked = api.json("POST", "/certificates/" + serial + "/revocation", Json.compact(body));
        if (cli.console().json()) {
            cli.console().printData(Json.pretty(revoked));
        } else {
            cli.console().say("revoked certificate " + RequestText.text(revoked, "serial") + " ("
                    + RequestText.text(revoked, "holder") + ", valid before " + RequestText.text(revoked, "validBefore")
                    + "); it is in the KRL from the hosts' next sync");
        }
        return Exit.OK;
    }

    private String serial() {
        if (serials == null || serials.isEmpty()) {
            throw new UsageError("revoke needs a certificate serial");
        }
        if (serials.size() > 1) {
            throw new UsageError("revoke takes one certificate serial");
        }
        String serial = serials.get(0);
        if (!serial.matches(DECIMAL_SERIAL)) {
            throw new UsageError("'" + serial + "' is not a certificate serial (decimal digits, as 'cert ls' prints them)");
        }
        return serial;
    }
}
