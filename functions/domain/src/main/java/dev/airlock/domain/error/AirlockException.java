package dev.airlock.domain.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one family of failures the domain and its adapters raise. Each subclass fixes an {@link ErrorKind};
 * {@link #code()} is a stable, machine-readable reason (snake_case, e.g. {@code self_review}) that
 * clients may switch on; {@link #getMessage()} is the human detail. Neither ever carries a secret
 * (tokens, keys, signatures) because both are returned to callers.
 */
public sealed abstract class AirlockException extends RuntimeException
        permits InvalidRequestException, UnauthenticatedException, AccessDeniedException,
                NotFoundException, ConflictException, ThrottledException, UnavailableException,
                InternalException {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final String code;

    AirlockException(String code, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("error code must be snake_case: " + code);
        }
        this.code = code;
    }

    /** The kind of failure; decides the HTTP status and the CLI exit code. */
    public abstract ErrorKind kind();

    /** A stable machine-readable reason, e.g. {@code reason_required}. */
    public String code() {
        return code;
    }

    /** The human-readable detail (same as {@link #getMessage()}). */
    public String detail() {
        return getMessage();
    }
}
