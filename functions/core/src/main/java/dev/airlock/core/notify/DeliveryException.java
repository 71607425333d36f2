package dev.airlock.core.notify;

/**
 * A notification was not delivered. Thrown by a {@link dev.airlock.core.port.NotificationSender}; its
 * message names the target and the failure (an HTTP status, a timeout) and never a URL, a secret or
 * a signature.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;

    /**
     * @param retryable whether the same call may succeed later (a timeout, a 5xx, 429); a refusal such
     *                  as 400 or 404 is not retried within the batch
     */
    public DeliveryException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
