package dev.airlock.domain.error;

/**
 * Thrown when the caller's input is malformed or breaks a rule that does not depend on stored state:
 * a missing reason, too many roles, a bad duration, an invalid role file (HTTP 400).
 */
public final class InvalidRequestException extends AirlockException {

    public InvalidRequestException(String code, String detail) {
        super(code, detail, null);
    }

    public InvalidRequestException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_REQUEST;
    }
}
