package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.CheckpointAnchor;
import dev.airlock.core.port.CheckpointSigner;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.domain.request.AuditHead;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code checkpoint} function's use case, fed by the audit table's stream. Every INSERT must
 * extend its chain's last known head (the functions append only through transactions, so the stream
 * sees every append in order per chain); a MODIFY, a REMOVE or an INSERT that does not extend its
 * head is tampering, recorded on the {@code tamper} chain and reported. When the interval has passed
 * since the newest checkpoint, checkpoint {@code n + 1} is taken over the staged heads, signed with
 * the audit key, anchored write-once and only then committed.
 */
public final class TakeCheckpoints {

    /** The actor of tamper records. */
    public static final String ACTOR = "checkpoint";
    /** The metric counting tampering changes seen on the stream (namespace {@link PostReviewQueue#METRIC_NAMESPACE}). */
    public static final String TAMPER_METRIC = "AuditTamper";
    /** The metric counting checkpoints anchored; its absence for twice the interval is the stale alarm. */
    public static final String CHECKPOINT_METRIC = "CheckpointTaken";

    private final CheckpointStore store;
    private final CheckpointSigner signer;
    private final CheckpointAnchor anchor;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Duration interval;

    public TakeCheckpoints(CheckpointStore store, CheckpointSigner signer, CheckpointAnchor anchor, AuditLog auditLog,
                           Clock clock, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive");
        }
    }

    /**
     * What one batch did.
     *
     * @param appended   INSERTs that extended their chains
     * @param tampered   the changes that were tampering (each now a {@code tamper} record)
     * @param checkpoint the checkpoint taken after the batch, if one was due
     */
    public record Outcome(long appended, List<StreamChange> tampered, Optional<Checkpoint> checkpoint) {
        public Outcome {
            tampered = List.copyOf(tampered);
        }
    }

    /** Checks and stages one batch (in stream order), then checkpoints if due. */
    public Outcome consume(List<StreamChange> changes) {
        Outcome checked = check(changes);
        return new Outcome(checked.appended(), checked.tampered(), checkpointIfDue());
    }

    /**
     * Checks one batch (in stream order), records its tampering, then stages the heads it moved; no
     * checkpoint. Staging comes last so a batch that fails is redelivered whole and staged once (a
     * redelivered tamper change is recorded again, which an alarm may be). An INSERT of exactly the
     * last known head is a redelivery and is skipped.
     */
    public Outcome check(List<StreamChange> changes) {
        Set<String> touched = changes.stream().map(StreamChange::chain).collect(Collectors.toSet());
        Map<String, AuditHead> heads = new HashMap<>(store.heads(touched));
        Map<String, AuditHead> moved = new HashMap<>();
        List<StreamChange> tampered = new ArrayList<>();
        long appended = 0;
        for (StreamChange change : changes) {
            AuditHead head = heads.getOrDefault(change.chain(), AuditHead.GENESIS);
            Optional<AuditRecord> record = change.newImage().flatMap(StoredRecord::record);
            boolean insert = change.event() == StreamChange.Event.INSERT && record.isPresent();
            if (insert && record.get().head().equals(head) && record.get().hashMatches()) {
                continue; // seen before: the event source redelivers from the first failed change
            }
            if (insert && extend(head, record.get())) {
                heads.put(change.chain(), record.get().head());
                moved.put(change.chain(), record.get().head());
                appended++;
            } else {
                tampered.add(change);
            }
        }
        tampered.forEach(this::recordTamper);
        if (!moved.isEmpty()) {
            store.stage(moved, appended);
        }
        return new Outcome(appended, tampered, Optional.empty());
    }

    /** Takes checkpoint {@code n + 1} when the interval has passed since checkpoint {@code n} (or none exists). */
    public Optional<Checkpoint> checkpointIfDue() {
        Optional<Checkpoint> latest = store.latest();
        Instant now = clock.instant();
        if (latest.isPresent() && now.isBefore(latest.get().at().plus(interval))) {
            return Optional.empty();
        }
        CheckpointStore.Staged staged = store.staged();
        Checkpoint next = new Checkpoint(latest.map(c -> c.n() + 1).orElse(1L),
                latest.map(Checkpoint::hash).orElse(AuditHead.GENESIS.hash()), now, staged.records(),
                new TreeMap<>(staged.heads()));
        byte[] signature = signer.sign(next.body().getBytes(StandardCharsets.UTF_8));
        anchor.put(new SignedCheckpoint(next.n(), next.body(), signer.keyId(), signature));
        store.commit(next);
        return Optional.of(next);
    }

    private static boolean extend(AuditHead head, AuditRecord record) {
        return record.seq() == head.seq() + 1 && record.prevHash().equals(head.hash()) && record.hashMatches();
    }

    private void recordTamper(StreamChange change) {
        if (change.chain().equals(AuditChains.TAMPER) && change.event() == StreamChange.Event.INSERT) {
            return; // never alarm on the alarm chain's own appends racing this batch
        }
        auditLog.append(AuditChains.TAMPER, ACTOR, AuditAction.TAMPER, Map.of(
                "event", change.event().name(), "chain", change.chain(), "seq", Long.toString(change.seq()),
                "streamSequence", change.id()));
    }
}
