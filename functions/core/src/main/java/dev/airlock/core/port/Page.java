package dev.airlock.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing. {@code nextCursor} is opaque to clients: the store signs it and binds it
 * to the query that produced it, so an edited cursor is refused instead of reading other data. A full
 * page may carry a cursor even when nothing follows (a DynamoDB {@code Query} stopped by its
 * {@code Limit} cannot know): the page it leads to is then empty and carries none.
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
