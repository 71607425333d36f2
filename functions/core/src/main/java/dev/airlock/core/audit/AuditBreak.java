package dev.airlock.core.audit;

import java.util.Objects;

/**
 * One break found by the {@link AuditVerifier}.
 *
 * @param chain  the chain
 * @param seq    where: the record's sequence number (for a missing record, the first missing one;
 *               0 when the break is not at one record)
 * @param kind   what kind of break
 * @param detail a sentence for the operator
 */
public record AuditBreak(String chain, long seq, Kind kind, String detail) {

    /** The kinds of break the verifier reports. */
    public enum Kind {
        /** The item cannot be read as an audit record (attribute missing, wrong type). */
        MALFORMED,
        /** The record's content does not match its hash: it was edited after it was written. */
        MODIFIED,
        /** The record is intact but belongs at another sequence number: records were swapped or moved. */
        REORDERED,
        /** Records are missing inside the chain (a gap in the sequence numbers). */
        DELETED,
        /** The record does not link to its predecessor's hash: the predecessor was replaced, or this one forged. */
        LINK_BROKEN,
        /** The head (request item or chain-head item) is past the last record: the tail was deleted. */
        MISSING_TAIL,
        /** The head does not match the chain: other hash at the same seq, or records after the head. */
        HEAD_MISMATCH,
        /** A chain no request or head item owns: records for a request that does not exist. */
        ORPHAN_CHAIN,
        /** The stored role configuration does not match its hash or its last {@code roles.applied} record. */
        CONFIG_MISMATCH
    }

    public AuditBreak {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for the operator: {@code BREAK chain=<chain> seq=<seq> kind=<KIND>: <detail>}. */
    public String line() {
        return "BREAK chain=" + chain + " seq=" + seq + " kind=" + kind + ": " + detail;
    }
}
