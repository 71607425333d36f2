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
        CONFIG_MISMATCH,
        /**
         * The CA public key the deployment serves ({@code GET /ca}, KMS GetPublicKey) is not the one the
         * newest {@code ca.key_registered} record names, or no such record exists: the CA key was swapped
         * (or created) without a record.
         */
        CA_KEY_UNRECORDED,
        /** A request item whose chain has no record at all (the chain was deleted). */
        ITEM_WITHOUT_CHAIN,
        /** A record the state replayed before it does not allow (a review after resolution, a second create...). */
        INVALID_TRANSITION,
        /** A {@code certificate.issued} record on a request chain with no approval before it. */
        ISSUED_WITHOUT_APPROVAL,
        /** The request item's state is not the one its records lead to: no record justifies it. */
        UNJUSTIFIED_STATE,
        /** The request item's reviews are not the ones its records name (reviewer, verdict, reason). */
        REVIEW_MISMATCH,
        /** The request item's pending expiry or access window is not the one its records name. */
        WINDOW_MISMATCH,
        /** The request item's user or roles are not the ones {@code request.created} names. */
        REQUEST_MISMATCH,
        /** The request item lists a certificate serial that no {@code certificate.issued} record names. */
        SERIAL_WITHOUT_RECORD,
        /** A {@code certificate.issued} record names a serial the request item does not list. */
        RECORD_WITHOUT_SERIAL,
        /** An anchored checkpoint whose signature the audit key's public key does not verify, or that does not parse. */
        CHECKPOINT_SIGNATURE,
        /** An anchored checkpoint that does not link to the hash of the one before it. */
        CHECKPOINT_LINK,
        /** A checkpoint number missing from the anchored sequence. */
        CHECKPOINT_GAP,
        /** The newest checkpoint is older than twice the checkpoint interval: the anchoring stopped. */
        CHECKPOINT_STALE,
        /** A checkpointed head the chain no longer reaches: records deleted, truncated or a chain removed. */
        ROLLED_BACK,
        /** The record at a checkpointed head has another hash than the checkpoint names: history rewritten. */
        REWRITTEN
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
