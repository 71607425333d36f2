package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.domain.request.AuditHead;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks the anchored checkpoint sequence (signatures with the audit key's public key, hash links, no
 * gap in {@code n}) and then the audit table against it: every checkpointed head must still be in its
 * chain with the same hash ({@link Kind#ROLLED_BACK}, {@link Kind#REWRITTEN}). What a checkpoint covers
 * can no longer be rewritten by anyone without the audit key, even with write access to both tables;
 * what follows the newest checkpoint is reported as not yet anchored.
 */
public final class CheckpointVerifier {

    /** The chain name breaks of the checkpoint sequence itself are reported under. */
    public static final String CHECKPOINTS = "checkpoints";

    private final PublicKey auditKey;

    public CheckpointVerifier(PublicKey auditKey) {
        this.auditKey = Objects.requireNonNull(auditKey, "auditKey");
    }

    /**
     * What the sequence proves.
     *
     * @param breaks  breaks of the sequence and of the table against it
     * @param heads   the newest anchored head of every chain a verified checkpoint names
     * @param newest  the newest verified checkpoint
     */
    public record Anchored(List<AuditBreak> breaks, Map<String, AuditHead> heads, Optional<Checkpoint> newest) {
        public Anchored {
            breaks = List.copyOf(breaks);
            heads = Map.copyOf(heads);
            Objects.requireNonNull(newest, "newest");
        }
    }

    /**
     * @param anchored   the anchored checkpoints from {@code firstN} on (any order)
     * @param firstN     the first number expected (1, or {@code N} for {@code --since N})
     * @param linkTo     the hash checkpoint {@code firstN} must link to (64 zeros for 1; for
     *                   {@code --since N}, the hash of the verified checkpoint {@code N - 1})
     */
    public Anchored verifySequence(List<SignedCheckpoint> anchored, long firstN, String linkTo) {
        List<AuditBreak> breaks = new ArrayList<>();
        Map<String, AuditHead> heads = new HashMap<>();
        Optional<Checkpoint> newest = Optional.empty();
        String previousHash = linkTo;
        long expected = firstN;
        for (SignedCheckpoint signed : anchored.stream().sorted(Comparator.comparingLong(SignedCheckpoint::n)).toList()) {
            if (signed.n() > expected) {
                breaks.add(new AuditBreak(CHECKPOINTS, expected, Kind.CHECKPOINT_GAP, expected == signed.n() - 1
                        ? "checkpoint " + expected + " is missing" : "checkpoints " + expected + "-" + (signed.n() - 1) + " are missing"));
                previousHash = null; // the gap is the break; the next link cannot be checked across it
            }
            expected = signed.n() + 1;
            Optional<Checkpoint> checkpoint = parseAndVerify(signed, breaks);
            if (checkpoint.isEmpty()) {
                previousHash = null; // the next link cannot be checked against an untrusted checkpoint
                continue;
            }
            if (previousHash != null && !checkpoint.get().previousHash().equals(previousHash)) {
                breaks.add(new AuditBreak(CHECKPOINTS, signed.n(), Kind.CHECKPOINT_LINK,
                        "does not link to the hash of checkpoint " + (signed.n() - 1)));
            }
            previousHash = checkpoint.get().hash();
            heads.putAll(checkpoint.get().heads());
            newest = checkpoint;
        }
        return new Anchored(breaks, heads, newest);
    }

    private Optional<Checkpoint> parseAndVerify(SignedCheckpoint signed, List<AuditBreak> breaks) {
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(signed.body());
        } catch (IllegalArgumentException e) {
            breaks.add(new AuditBreak(CHECKPOINTS, signed.n(), Kind.CHECKPOINT_SIGNATURE, "unreadable: " + e.getMessage()));
            return Optional.empty();
        }
        if (checkpoint.n() != signed.n() || !signatureVerifies(signed)) {
            breaks.add(new AuditBreak(CHECKPOINTS, signed.n(), Kind.CHECKPOINT_SIGNATURE,
                    "the audit key's signature does not verify (or the body names another n)"));
            return Optional.empty();
        }
        return Optional.of(checkpoint);
    }

    private boolean signatureVerifies(SignedCheckpoint signed) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(auditKey);
            ecdsa.update(signed.body().getBytes(StandardCharsets.UTF_8));
            return ecdsa.verify(signed.signature());
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is a signature that does not verify
        }
    }

    /**
     * The table against the anchored heads: each must be in its chain with the same hash.
     *
     * @return the breaks, by chain
     */
    public static List<AuditBreak> checkTable(AuditSnapshot snapshot, Map<String, AuditHead> anchoredHeads) {
        List<AuditBreak> breaks = new ArrayList<>();
        anchoredHeads.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String chain = entry.getKey();
            AuditHead head = entry.getValue();
            Optional<AuditRecord> record = snapshot.chains().getOrDefault(chain, List.of()).stream()
                    .filter(r -> r.seq() == head.seq()).findFirst().flatMap(StoredRecord::record);
            if (record.isEmpty()) {
                breaks.add(new AuditBreak(chain, head.seq(), Kind.ROLLED_BACK, "a checkpoint anchors record "
                        + head.seq() + " of this chain, which the table no longer holds"));
            } else if (!record.get().hash().equals(head.hash())) {
                breaks.add(new AuditBreak(chain, head.seq(), Kind.REWRITTEN,
                        "the record has another hash than the checkpoint anchored"));
            }
        });
        return breaks;
    }

    /** Records in the table past the anchored heads (every record of a chain no checkpoint names). */
    public static long unanchored(AuditSnapshot snapshot, Map<String, AuditHead> anchoredHeads) {
        long count = 0;
        for (Map.Entry<String, List<StoredRecord>> chain : snapshot.chains().entrySet()) {
            long anchoredSeq = Optional.ofNullable(anchoredHeads.get(chain.getKey())).map(AuditHead::seq).orElse(0L);
            count += chain.getValue().stream().filter(r -> r.seq() > anchoredSeq).count();
        }
        return count;
    }

    /** A stale-anchoring break when the newest checkpoint is older than twice {@code interval} at {@code now}. */
    public static Optional<AuditBreak> staleness(Optional<Checkpoint> newest, Instant now, Duration interval) {
        Instant limit = now.minus(interval.multipliedBy(2));
        OptionalLong n = newest.map(c -> OptionalLong.of(c.n())).orElse(OptionalLong.empty());
        if (newest.isEmpty() || newest.get().at().isBefore(limit)) {
            return Optional.of(new AuditBreak(CHECKPOINTS, n.orElse(0), Kind.CHECKPOINT_STALE, newest
                    .map(c -> "the newest checkpoint is from " + c.at() + ", older than twice the interval " + interval)
                    .orElse("no checkpoint is anchored")));
        }
        return Optional.empty();
    }
}
