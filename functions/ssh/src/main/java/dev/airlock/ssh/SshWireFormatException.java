package dev.airlock.ssh;

/**
 * Thrown by {@link SshWireReader} when bytes do not follow the RFC 4251 encoding. Internal to the
 * parsing code: callers facing user input translate it into an invalid-request error.
 */
public final class SshWireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SshWireFormatException(String message) {
        super(message);
    }
}
