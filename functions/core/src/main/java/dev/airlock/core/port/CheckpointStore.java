package dev.airlock.core.port;

import dev.airlock.core.audit.Checkpoint;
import dev.airlock.domain.request.AuditHead;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checkpoint function remembers between batches: the newest checkpoint, and the heads that
 * moved since (staged, not yet checkpointed). Reads and writes only the chains a batch touches, so a
 * checkpoint's cost follows the records appended, not the size of the table.
 */
public interface CheckpointStore {

    /** The newest checkpoint taken, if any. */
    Optional<Checkpoint> latest();

    /** The last known head of each of {@code chains} (staged or checkpointed); absent when unknown. */
    Map<String, AuditHead> heads(Set<String> chains);

    /** The heads moved since {@link #latest()}, and how many records moved them. */
    Staged staged();

    /** Adds moved heads (and their record count) to what is staged. */
    void stage(Map<String, AuditHead> moved, long records);

    /**
     * Makes {@code checkpoint} the newest and clears what it covers from the stage.
     *
     * @throws dev.airlock.domain.error.ConflictException when another checkpoint was committed meanwhile
     */
    void commit(Checkpoint checkpoint);

    /** Heads staged since the newest checkpoint. */
    record Staged(Map<String, AuditHead> heads, long records) {
        public Staged {
            heads = Map.copyOf(heads);
        }
    }
}
