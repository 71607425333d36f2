package dev.airlock.domain.error;

/**
 * Thrown when no verified identity accompanies a call, e.g. the authorizer's claims are missing (HTTP 401).
 */
public final class UnauthenticatedException extends AirlockException {

    public UnauthenticatedException(String code, String detail) {
        super(code, detail, null);
    }

    public UnauthenticatedException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAUTHENTICATED;
    }
}
