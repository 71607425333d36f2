package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.login.CertificateFile;
import dev.airlock.cli.login.PublicKeyFile;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import dev.airlock.cli.text.Times;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** POST /certificates for a key (base roles only without a request) and the certificate written next to it. */
final class CertificateSigning {

    private final Cli cli;
    private final ApiClient api;
    private final PublicKeyFile key;

    CertificateSigning(Cli cli, ApiClient api, PublicKeyFile key) {
        this.cli = cli;
        this.api = api;
        this.key = key;
    }

    void sign(String requestId) {
        ObjectNode body = Json.object().put("publicKey", key.line());
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        ObjectNode signed = api.json("POST", "/certificates", Json.compact(body));
        if (!signed.path("certificate").isString() || !signed.path("principals").isArray()
                || !signed.path("validBefore").isString()) {
            throw new CliException(Exit.UNAVAILABLE, "unexpected reply to POST /certificates");
        }
        CertificateFile.write(key.certificate(), signed.get("certificate").asString());
        if (cli.console().json()) {
            ObjectNode out = Json.object().put("certificateFile", key.certificate().toString());
            signed.properties().forEach(field -> {
                if (!field.getKey().equals("certificate")) {
                    out.set(field.getKey(), field.getValue());
                }
            });
            cli.console().printData(Json.pretty(out));
        } else {
            LocalDate today = LocalDate.now(cli.clock().withZone(ZoneOffset.UTC));
            cli.console().say("certificate written to " + display(key.certificate()) + " (principals: "
                    + String.join(", ", RequestText.strings(signed.get("principals"))) + ", valid until "
                    + Times.until(signed.get("validBefore").asString(), today) + ")");
        }
    }

    /** The path with the home directory shown as ~. */
    private String display(Path path) {
        String home = cli.home().toString();
        String text = path.toString();
        return text.startsWith(home + "/") ? "~/" + text.substring(home.length() + 1) : text;
    }
}
