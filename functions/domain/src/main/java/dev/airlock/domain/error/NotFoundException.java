package dev.airlock.domain.error;

/**
 * Thrown when the addressed thing (an access request, a role) does not exist (HTTP 404).
 */
public final class NotFoundException extends AirlockException {

    public NotFoundException(String code, String detail) {
        super(code, detail, null);
    }

    public NotFoundException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.NOT_FOUND;
    }
}
