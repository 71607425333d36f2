package dev.airlock.bench.checkpoint;

import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.core.port.CheckpointAnchor;

import java.util.List;
import java.util.TreeMap;

/**
 * BENCH ONLY: write-once checkpoints in memory. The anchor is one put per checkpoint, whatever the
 * table size, so it does not change what this bench measures (the bench module carries no S3 client).
 */
final class MemoryAnchor implements CheckpointAnchor {

    private final TreeMap<Long, SignedCheckpoint> anchored = new TreeMap<>();

    @Override
    public synchronized void put(SignedCheckpoint checkpoint) {
        if (anchored.putIfAbsent(checkpoint.n(), checkpoint) != null) {
            throw new IllegalStateException("checkpoint " + checkpoint.n() + " is already anchored");
        }
    }

    @Override
    public synchronized List<SignedCheckpoint> from(long fromN) {
        return List.copyOf(anchored.tailMap(fromN, true).values());
    }
}
