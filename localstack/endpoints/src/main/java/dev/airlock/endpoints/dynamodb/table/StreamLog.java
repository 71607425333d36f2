package dev.airlock.endpoints.dynamodb.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The records of a table's current stream, in commit order (one shard). Records are kept for the
 * life of the stream: the embedded stream never trims, where DynamoDB trims after 24 hours.
 * Not thread-safe: guarded by the store's lock, like the table.
 */
public final class StreamLog {

    private final List<StreamRecord> records = new ArrayList<>();

    /** Appends {@code record}, whose sequence number must be {@link #nextSequenceNumber()}. */
    public void append(StreamRecord record) {
        if (record.sequenceNumber() != nextSequenceNumber()) {
            throw new IllegalStateException("stream record " + record.sequenceNumber() + " out of order; expected "
                    + nextSequenceNumber());
        }
        records.add(record);
    }

    /** The sequence number the next record gets (the first is 1). */
    public long nextSequenceNumber() {
        return records.size() + 1L;
    }

    /** Up to {@code limit} records from sequence number {@code from} on. */
    public List<StreamRecord> from(long from, int limit) {
        int start = (int) Math.max(0, Math.min(records.size(), from - 1));
        int end = (int) Math.min(records.size(), (long) start + limit);
        return Collections.unmodifiableList(new ArrayList<>(records.subList(start, end)));
    }

    public List<StreamRecord> all() {
        return Collections.unmodifiableList(records);
    }

    public void clear() {
        records.clear();
    }
}
