package dev.airlock.domain.error;

/**
 * The handful of failure kinds Airlock reports, each mapped once to an HTTP status (RFC 9457
 * problem+json) and once to a CLI exit code. Adapters translate these; nothing else decides a status.
 */
public enum ErrorKind {
    INVALID_REQUEST(400, 1, "Invalid request"),
    UNAUTHENTICATED(401, 2, "Unauthenticated"),
    ACCESS_DENIED(403, 2, "Access denied"),
    NOT_FOUND(404, 3, "Not found"),
    CONFLICT(409, 4, "Conflict"),
    THROTTLED(429, 5, "Too many requests"),
    /** A dependency stayed unavailable after retries (5xx, unreachable, timed out): transient, retry later. */
    UNAVAILABLE(503, 5, "Service unavailable"),
    INTERNAL(500, 5, "Internal error");

    private final int httpStatus;
    private final int cliExitCode;
    private final String title;

    ErrorKind(int httpStatus, int cliExitCode, String title) {
        this.httpStatus = httpStatus;
        this.cliExitCode = cliExitCode;
        this.title = title;
    }

    /** The HTTP status code of a problem of this kind. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The exit code the {@code access} CLI uses for this kind (0 is success, so none is 0). */
    public int cliExitCode() {
        return cliExitCode;
    }

    /** RFC 9457 {@code title}: short, the same for every problem of this kind. */
    public String title() {
        return title;
    }

    /** A stable slug for the RFC 9457 {@code type} URI, e.g. {@code invalid-request}. */
    public String type() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
