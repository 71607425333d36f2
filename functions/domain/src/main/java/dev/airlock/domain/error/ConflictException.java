package dev.airlock.domain.error;

/**
 * Thrown when the stored state forbids the change: an illegal state transition, a second review by the
 * same reviewer, a lost optimistic-concurrency race after bounded retries (HTTP 409).
 */
public final class ConflictException extends AirlockException {

    public ConflictException(String code, String detail) {
        super(code, detail, null);
    }

    public ConflictException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CONFLICT;
    }
}
