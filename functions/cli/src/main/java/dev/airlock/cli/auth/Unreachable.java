package dev.airlock.cli.auth;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.http.NetworkFailure;

import java.net.URI;

/** The one wording for "cannot reach Airlock", with a hint when it is local-up that is not running. */
public final class Unreachable {

    private Unreachable() {
    }

    public static CliException of(URI apiUrl, URI attempted, NetworkFailure failure) {
        return new CliException(Exit.UNAVAILABLE, message(apiUrl, attempted, failure));
    }

    public static String message(URI apiUrl, URI attempted, NetworkFailure failure) {
        String host = attempted.getHost() == null ? "" : attempted.getHost();
        boolean local = "http".equals(attempted.getScheme()) && attempted.getPort() > 0
                && (host.equals("127.0.0.1") || host.equals("localhost"));
        return "cannot reach Airlock at " + apiUrl + ": " + failure.getMessage()
                + (local ? "; is scripts/local-up running?" : "");
    }
}
