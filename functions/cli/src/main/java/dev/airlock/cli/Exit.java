package dev.airlock.cli;

/** The CLI's exit codes (docs/CLI.md "Exit codes"); {@link dev.airlock.cli.http.HttpStatusExit} maps HTTP onto them. */
public final class Exit {

    public static final int OK = 0;
    /** Bad command line, bad input (also HTTP 400/413), local setup problem. */
    public static final int USAGE = 1;
    /** 401/403, no credentials, or login ended denied/expired/withdrawn/revoked. */
    public static final int DENIED = 2;
    /** 404, or no request matches an id prefix. */
    public static final int NOT_FOUND = 3;
    /** 409: the request is not in a state that allows this. */
    public static final int CONFLICT = 4;
    /** Network failure, 5xx, throttled after retries, an unexpected reply. */
    public static final int UNAVAILABLE = 5;
    /** audit verify: at least one chain is broken. */
    public static final int AUDIT_BROKEN = 6;

    private Exit() {
    }
}
