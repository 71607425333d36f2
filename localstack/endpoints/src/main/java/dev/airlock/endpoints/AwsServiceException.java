package dev.airlock.endpoints;

import java.util.Objects;

/**
 * An AWS error response: the SDK maps {@code __type} (the part after {@code #}) to its exception
 * class, so {@link #type()} must be the exact AWS error code, e.g.
 * {@code ConditionalCheckFailedException} or {@code KMSInvalidSignatureException}.
 */
public class AwsServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;

    public AwsServiceException(String type, String message, int status) {
        super(Objects.requireNonNull(message, "message"));
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
    }

    /** A 400 {@code ValidationException}, the most common client error of both services. */
    public static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationException", message, 400);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
