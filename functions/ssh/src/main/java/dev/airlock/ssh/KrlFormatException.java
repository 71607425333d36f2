package dev.airlock.ssh;

/**
 * Thrown when bytes are not a KRL this project accepts ({@code PROTOCOL.krl}): bad magic, another
 * format version, truncated or trailing data, a section type we do not read, or (from
 * {@link KrlCheck}) a KRL for another CA. The message says which, for a host-side sync to print.
 */
public final class KrlFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KrlFormatException(String message) {
        super(message);
    }

    public KrlFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
