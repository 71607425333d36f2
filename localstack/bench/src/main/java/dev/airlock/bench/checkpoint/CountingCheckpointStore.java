package dev.airlock.bench.checkpoint;

import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.domain.request.AuditHead;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the checkpoint use case reads from any {@link CheckpointStore}, whatever stores it: one
 * read per chain whose head it asks for (the chains a batch touches), one per staged head it takes
 * into a checkpoint, one per look at the newest checkpoint.
 */
final class CountingCheckpointStore implements CheckpointStore {

    private final CheckpointStore store;
    private final AtomicLong headReads = new AtomicLong();
    private final AtomicLong stagedReads = new AtomicLong();
    private final AtomicLong latestReads = new AtomicLong();

    CountingCheckpointStore(CheckpointStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<Checkpoint> latest() {
        latestReads.incrementAndGet();
        return store.latest();
    }

    @Override
    public Map<String, AuditHead> heads(Set<String> chains) {
        headReads.addAndGet(chains.size());
        return store.heads(chains);
    }

    @Override
    public Staged staged() {
        Staged staged = store.staged();
        stagedReads.addAndGet(staged.heads().size());
        return staged;
    }

    @Override
    public void stage(Map<String, AuditHead> moved, long records) {
        store.stage(moved, records);
    }

    @Override
    public void commit(Checkpoint checkpoint) {
        store.commit(checkpoint);
    }

    long headReads() {
        return headReads.get();
    }

    long stagedReads() {
        return stagedReads.get();
    }

    long latestReads() {
        return latestReads.get();
    }

    void reset() {
        headReads.set(0);
        stagedReads.set(0);
        latestReads.set(0);
    }
}
