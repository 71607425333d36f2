package dev.airlock.core.port;

import dev.airlock.core.notify.DeliveryException;
import dev.airlock.core.notify.NotificationEvent;
import dev.airlock.core.notify.NotificationTarget;

/**
 * Delivers one event to one target, once (retries are the caller's). Implementations bound every
 * call with a timeout, so a slow receiver costs at most that per attempt.
 */
@FunctionalInterface
public interface NotificationSender {

    /** @throws DeliveryException when the receiver did not accept it */
    void send(NotificationTarget target, NotificationEvent event) throws DeliveryException;
}
