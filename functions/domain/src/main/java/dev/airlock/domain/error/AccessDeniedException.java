package dev.airlock.domain.error;

/**
 * Thrown when a verified caller is not allowed to do what they asked: request a role no base role
 * lets them request, review a request their roles do not cover, review their own request (HTTP 403).
 */
public final class AccessDeniedException extends AirlockException {

    public AccessDeniedException(String code, String detail) {
        super(code, detail, null);
    }

    public AccessDeniedException(String code, String detail, Throwable cause) {
        super(code, detail, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.ACCESS_DENIED;
    }
}
