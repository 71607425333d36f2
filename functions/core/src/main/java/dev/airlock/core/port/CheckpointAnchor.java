package dev.airlock.core.port;

import dev.airlock.core.audit.SignedCheckpoint;

import java.util.List;

/**
 * The write-once store of signed checkpoints (S3 with Object Lock in COMPLIANCE mode:
 * {@code checkpoints/<n>.json}); nobody can delete or overwrite one within its retention.
 */
public interface CheckpointAnchor {

    /** Writes checkpoint {@code n} once; a second write of the same {@code n} fails. */
    void put(SignedCheckpoint checkpoint);

    /** Every anchored checkpoint numbered {@code fromN} or higher, in order. */
    List<SignedCheckpoint> from(long fromN);
}
