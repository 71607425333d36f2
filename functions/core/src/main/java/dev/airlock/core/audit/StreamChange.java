package dev.airlock.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * One change of the audit table as its stream reports it.
 *
 * @param id       the stream record's sequence number (what a partial batch failure names)
 * @param event    INSERT, MODIFY or REMOVE
 * @param chain    the item's chain (key)
 * @param seq      the item's seq (key)
 * @param newImage the item after the change, read as a record (empty for REMOVE, or unreadable)
 */
public record StreamChange(String id, Event event, String chain, long seq, Optional<StoredRecord> newImage) {

    /** The stream's event names (DynamoDB Streams {@code eventName}). */
    public enum Event { INSERT, MODIFY, REMOVE }

    public StreamChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(newImage, "newImage");
    }
}
