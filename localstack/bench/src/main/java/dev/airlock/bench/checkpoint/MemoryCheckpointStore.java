package dev.airlock.bench.checkpoint;

import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AuditHead;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * BENCH ONLY: a {@link CheckpointStore} in memory, standing in until the DynamoDB store lands (the
 * bench's one line {@link CheckpointBench#store} then builds that instead). Same semantics as the
 * port's contract: heads are the staged ones over the checkpointed ones, a commit must be next.
 */
final class MemoryCheckpointStore implements CheckpointStore {

    private Optional<Checkpoint> latest = Optional.empty();
    private final Map<String, AuditHead> checkpointed = new HashMap<>();
    private final Map<String, AuditHead> staged = new HashMap<>();
    private long stagedRecords;

    @Override
    public synchronized Optional<Checkpoint> latest() {
        return latest;
    }

    @Override
    public synchronized Map<String, AuditHead> heads(Set<String> chains) {
        Map<String, AuditHead> heads = new HashMap<>();
        for (String chain : chains) {
            Optional.ofNullable(staged.getOrDefault(chain, checkpointed.get(chain))).ifPresent(h -> heads.put(chain, h));
        }
        return heads;
    }

    @Override
    public synchronized Staged staged() {
        return new Staged(staged, stagedRecords);
    }

    @Override
    public synchronized void stage(Map<String, AuditHead> moved, long records) {
        staged.putAll(moved);
        stagedRecords += records;
    }

    @Override
    public synchronized void commit(Checkpoint checkpoint) {
        if (checkpoint.n() != latest.map(c -> c.n() + 1).orElse(1L)) {
            throw new ConflictException("checkpoint_conflict", "checkpoint " + checkpoint.n() + " is not next");
        }
        checkpointed.putAll(checkpoint.heads());
        checkpoint.heads().forEach(staged::remove);
        stagedRecords = 0;
        latest = Optional.of(checkpoint);
    }
}
