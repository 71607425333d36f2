package dev.airlock.endpoints;

import tools.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * An AWS error response: the SDK maps {@code __type} (the part after {@code #}) to its exception
 * class, so {@link #type()} must be the exact AWS error code, e.g.
 * {@code ConditionalCheckFailedException} or {@code KMSInvalidSignatureException}.
 */
public class AwsServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;
    private final transient ObjectNode extraFields;

    public AwsServiceException(String type, String message, int status) {
        this(type, message, status, null);
    }

    /**
     * An error whose body carries modelled fields beside {@code __type} and {@code message}, e.g.
     * DynamoDB's {@code CancellationReasons} or the {@code Item} of a failed condition check.
     */
    public AwsServiceException(String type, String message, int status, ObjectNode extraFields) {
        super(Objects.requireNonNull(message, "message"));
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
        this.extraFields = extraFields;
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

    /** Fields to add to the error body beside {@code __type} and {@code message}. */
    public Optional<ObjectNode> extraFields() {
        return Optional.ofNullable(extraFields);
    }
}
