package dev.airlock.cli.auth;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.NetworkFailure;
import dev.airlock.cli.http.Problems;
import dev.airlock.cli.http.Response;
import dev.airlock.cli.http.Transport;
import dev.airlock.cli.text.Json;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A token from {@code scripts/local-up}'s development issuer ({@code POST /dev/token}) for a user
 * name, with the given groups or (none given) the issuer's demo groups for that user. Local
 * development only: a deployed Airlock has no such endpoint.
 */
record DevIssuerToken(Transport transport, URI apiUrl, URI issuerUrl, String user, Optional<List<String>> groups)
        implements TokenSource {

    @Override
    public String token() {
        ObjectNode body = Json.object().put("user", user);
        groups.ifPresent(names -> names.forEach(body.putArray("groups")::add));
        Response response;
        try {
            response = transport.send("POST", issuerUrl, Json.compact(body), Map.of());
        } catch (NetworkFailure e) {
            throw Unreachable.of(apiUrl, issuerUrl, e);
        }
        int status = response.status();
        if (status == 404 || status == 405) {
            throw new CliException(Exit.DENIED, apiUrl + " has no development issuer (--user works only against "
                    + "scripts/local-up); set AIRLOCK_TOKEN or AIRLOCK_TOKEN_COMMAND instead");
        }
        if (status / 100 == 4) {
            throw new CliException(Exit.USAGE, "the development issuer refused the token request: " + Problems.text(response));
        }
        if (status != 200) {
            throw new CliException(Exit.UNAVAILABLE, "the development issuer failed: " + Problems.text(response));
        }
        return response.jsonObject().flatMap(json -> Json.text(json, "token"))
                .orElseThrow(() -> new CliException(Exit.UNAVAILABLE, "the development issuer answered without a token"));
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public String origin() {
        return "the development issuer";
    }
}
