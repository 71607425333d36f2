package dev.airlock.domain.error;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when a dependency (DynamoDB, KMS) stays unavailable after the AWS SDK's own retries: it
 * answered 5xx on every attempt, could not be reached, or the connection or call timed out. The
 * failure is transient and not Airlock's bug, so callers should retry after {@link #retryAfter()}
 * (HTTP 503 with {@code Retry-After}); a 500 is kept for Airlock's own faults ({@link InternalException}).
 */
public final class UnavailableException extends AirlockException {

    private final Duration retryAfter;

    /**
     * @param retryAfter how long the caller should wait before retrying; positive
     * @param cause      the SDK failure, logged, never returned to the caller
     */
    public UnavailableException(String code, String detail, Duration retryAfter, Throwable cause) {
        super(code, detail, cause);
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before retrying. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAVAILABLE;
    }
}
