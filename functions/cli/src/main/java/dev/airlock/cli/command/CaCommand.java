package dev.airlock.cli.command;

import dev.airlock.cli.Cli;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.ApiClient;
import dev.airlock.cli.http.Problems;
import dev.airlock.cli.http.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code access ca}: the CA public key as one authorized_keys line (GET /ca), checked before printing. */
@Command(name = "ca")
public final class CaCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    HelpOption help;

    public CaCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ApiClient api = cli.optionalApi();
        Response response = api.call("GET", "/ca", null, Map.of());
        if (!response.ok()) {
            throw Problems.failure(response);
        }
        String line = response.body().lines().findFirst().orElse("").replace("\r", "");
        if (!line.matches("[a-z0-9@.-]+ [A-Za-z0-9+/]+=*( .*)?")) {
            throw unexpected(api);
        }
        // The line ends up in sshd's TrustedUserCAKeys: a key type, a base64 blob and a plain ASCII
        // comment, never other bytes from the reply.
        String[] fields = line.split(" ", 3);
        if (fields.length == 3 && !fields[2].matches("[\\x21-\\x7e ]*")) {
            throw unexpected(api);
        }
        cli.console().printData(line);
        return Exit.OK;
    }

    private static CliException unexpected(ApiClient api) {
        return new CliException(Exit.UNAVAILABLE, "unexpected reply from " + api.baseUrl() + "/ca (not an authorized_keys line)");
    }
}
