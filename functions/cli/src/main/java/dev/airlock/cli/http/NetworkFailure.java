package dev.airlock.cli.http;

import java.io.IOException;

/** The server could not be reached (or did not answer in time); the reason is one line. */
public final class NetworkFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public NetworkFailure(String reason, IOException cause) {
        super(reason, cause);
    }
}
