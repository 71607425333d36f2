package dev.airlock.domain.request;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The head of a request's audit hash chain (docs/ARCHITECTURE.md "Storage"): the sequence number and SHA-256 hash
 * (64 lower-case hex characters) of the last audit record written for the request.
 */
public record AuditHead(long seq, String hash) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The head before any record: sequence 0 and a hash of 64 zeros, the first record's {@code prevHash}. */
    public static final AuditHead GENESIS = new AuditHead(0, "0".repeat(64));

    public AuditHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("audit seq must not be negative: " + seq);
        }
        if (!HEX_SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("audit hash must be 64 lower-case hex characters");
        }
    }

    /** The head after appending a record with this hash. */
    public AuditHead next(String nextHash) {
        return new AuditHead(seq + 1, nextHash);
    }
}
