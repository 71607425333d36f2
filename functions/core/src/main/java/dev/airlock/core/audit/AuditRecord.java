package dev.airlock.core.audit;

import dev.airlock.domain.request.AuditHead;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One record of an audit chain. {@code hash} is {@link CanonicalForm#hash(AuditRecord)}: SHA-256 over
 * the record's canonical form followed by {@code prevHash}, so changing, removing or reordering a
 * record breaks every later link.
 *
 * @param chain    the chain: {@code request#<id>}, {@code ca}, {@code config} or {@code user#<name>}
 * @param seq      position in the chain, starting at 1
 * @param at       when it happened (millisecond precision)
 * @param actor    who did it (a verified user name, or {@code system} for the sweep)
 * @param action   what happened: an {@link AuditAction}'s wire text, e.g. {@code request.created}
 * @param details  action-specific facts (sorted by key)
 * @param prevHash hash of the previous record, or 64 zeros for the first
 * @param hash     this record's hash (lower-case hex)
 */
public record AuditRecord(String chain, long seq, Instant at, String actor, String action,
                          Map<String, String> details, String prevHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, was " + seq);
        }
    }

    /**
     * The record that follows {@code head} on {@code chain}, with its hash computed.
     */
    public static AuditRecord next(AuditHead head, String chain, Instant at, String actor, AuditAction action,
                                   Map<String, String> details) {
        Instant millis = Instant.ofEpochMilli(at.toEpochMilli());
        AuditRecord unsigned = new AuditRecord(chain, head.seq() + 1, millis, actor, action.wire(), details,
                head.hash(), AuditHead.GENESIS.hash());
        return unsigned.withHash(CanonicalForm.hash(unsigned));
    }

    /** Whether this record names {@code action} (compare actions with this, never a {@code String} with an enum). */
    public boolean is(AuditAction action) {
        return action.wire().equals(this.action);
    }

    /** The action as a type to switch on; empty for an action this build does not know. */
    public Optional<AuditAction> knownAction() {
        return AuditAction.of(action);
    }

    /** True when {@link #hash} matches the record's content and {@link #prevHash}. */
    public boolean hashMatches() {
        return CanonicalForm.hash(this).equals(hash);
    }

    /** This record as the head of its chain. */
    public AuditHead head() {
        return new AuditHead(seq, hash);
    }

    private AuditRecord withHash(String newHash) {
        return new AuditRecord(chain, seq, at, actor, action, details, prevHash, newHash);
    }
}
