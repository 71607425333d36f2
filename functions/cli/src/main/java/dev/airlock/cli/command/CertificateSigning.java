package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.http.Problems;
import dev.airlock.cli.http.Response;
import dev.airlock.cli.login.CertificateFile;
import dev.airlock.cli.login.PublicKeyFile;
import dev.airlock.cli.text.Json;
import dev.airlock.cli.text.RequestText;
import dev.airlock.cli.text.Times;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

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
        ObjectNode signed = signed(api.call("POST", "/certificates", Json.compact(body), Map.of()), requestId);
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

    /**
     * The reply as JSON, or the CLI exits; a {@code request_required} refusal (a base role with
     * {@code request_access: always}) says how to ask for access instead.
     */
    private ObjectNode signed(Response response, String requestId) {
        if (response.ok()) {
            return api.object(response, "/certificates");
        }
        boolean requestRequired = requestId == null && response.jsonObject()
                .flatMap(problem -> Json.text(problem, "code")).filter("request_required"::equals).isPresent();
        if (requestRequired) {
            throw new CliException(Exit.DENIED, Problems.text(response)
                    + "; request access with: access login --request-roles ROLE --reason TEXT");
        }
        throw Problems.failure(response);
    }

    /** The path with the home directory shown as ~. */
    private String display(Path path) {
        String home = cli.home().toString();
        String text = path.toString();
        return text.startsWith(home + "/") ? "~/" + text.substring(home.length() + 1) : text;
    }
}
