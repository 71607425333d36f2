package dev.airlock.core.port;

import java.util.List;

/**
 * What the KRL is built from: the KRL version and every revocation not yet expired.
 *
 * @param version grows with every change to the index (each revocation, each sweep that drops
 *                expired entries), read before the entries, so a KRL of version v lists at least
 *                every revocation counted in v
 * @param entries the unexpired revocations
 * @param itemsRead DynamoDB items read to produce this snapshot (the version item included), for the bench
 */
public record KrlSnapshot(long version, List<KrlEntry> entries, long itemsRead) {

    public KrlSnapshot {
        entries = List.copyOf(entries);
    }
}
