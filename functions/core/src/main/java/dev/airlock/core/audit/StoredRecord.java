package dev.airlock.core.audit;


import java.util.Objects;
import java.util.Optional;

/**
 * One item of the audit table as read: the record, or why it could not be read.
 *
 * @param chain   the item's chain (partition key)
 * @param seq     the item's sequence number (sort key)
 * @param record  the record, when the item could be read
 * @param problem why it could not, when it could not
 */
public record StoredRecord(String chain, long seq, Optional<AuditRecord> record, Optional<String> problem) {

    public StoredRecord {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(problem, "problem");
        if (record.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("a stored record is either readable or has a problem");
        }
    }

    public static StoredRecord readable(AuditRecord record) {
        return new StoredRecord(record.chain(), record.seq(), Optional.of(record), Optional.empty());
    }

    public static StoredRecord malformed(String chain, long seq, String problem) {
        return new StoredRecord(chain, seq, Optional.empty(), Optional.of(problem));
    }
}
