package dev.airlock.domain.error;

/**
 * Thrown when Airlock itself is at fault (inconsistent configuration, a dependency refusing a call we
 * should not have made, a KMS key we cannot use). A dependency that is merely down is
 * {@link UnavailableException} instead.
 * Its detail is logged; callers see only a correlation id (HTTP 500).
 */
public final class InternalException extends AirlockException {

    public InternalException(String code, String detail) {
        super(code, detail, null);
    }

    public InternalException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INTERNAL;
    }
}
