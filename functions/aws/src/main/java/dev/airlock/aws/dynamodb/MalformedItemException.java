package dev.airlock.aws.dynamodb;

/**
 * A stored item lacks an attribute or holds a value of the wrong type or shape: it was not written
 * by this adapter, or it was changed afterwards. The store maps it to an internal error; the audit
 * verifier reports it as a break.
 */
public final class MalformedItemException extends RuntimeException {

    public MalformedItemException(String message) {
        super(message);
    }

    public MalformedItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
