package dev.airlock.core.port;

import dev.airlock.domain.error.InvalidRequestException;

import java.util.Optional;

/** Page size and the cursor of the previous page, if any. */
public record PageRequest(int size, Optional<String> cursor) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("invalid_page_size",
                    "page size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        cursor = cursor == null ? Optional.empty() : cursor;
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, Optional.empty());
    }
}
