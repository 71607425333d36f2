package dev.airlock.domain.error;

/**
 * The handful of failure kinds Airlock reports, each mapped once to an HTTP status (RFC 9457
 * problem+json). Adapters translate these; nothing else decides a status. (The CLI maps the statuses
 * it receives to its own exit codes.)
 */
public enum ErrorKind {
    INVALID_REQUEST(400, "Invalid request"),
    UNAUTHENTICATED(401, "Unauthenticated"),
    ACCESS_DENIED(403, "Access denied"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    THROTTLED(429, "Too many requests"),
    /** A dependency stayed unavailable after retries (5xx, unreachable, timed out): transient, retry later. */
    UNAVAILABLE(503, "Service unavailable"),
    INTERNAL(500, "Internal error");

    private final int httpStatus;
    private final String title;

    ErrorKind(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The HTTP status code of a problem of this kind. */
    public int httpStatus() {
        return httpStatus;
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
