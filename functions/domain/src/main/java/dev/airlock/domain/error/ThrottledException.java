package dev.airlock.domain.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Thrown when a dependency's quota is exhausted (e.g. KMS Sign throttling) or a caller exceeds a rate
 * limit; {@link #retryAfter()} feeds the {@code Retry-After} header when known (HTTP 429).
 */
public final class ThrottledException extends AirlockException {

    private final Duration retryAfter;

    public ThrottledException(String code, String detail) {
        this(code, detail, null, null);
    }

    public ThrottledException(String code, String detail, Duration retryAfter) {
        this(code, detail, retryAfter, null);
    }

    public ThrottledException(String code, String detail, Duration retryAfter, Throwable cause) {
        super(code, detail, cause);
        if (retryAfter != null && retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait before retrying, when known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.THROTTLED;
    }
}
