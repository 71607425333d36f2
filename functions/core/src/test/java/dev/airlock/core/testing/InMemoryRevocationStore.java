package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.KrlSnapshot;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TEST ONLY: the KRL index in memory, keeping the DynamoDB adapter's contract: {@link #updateAndRevoke}
 * is atomic with the request store's conditional update (it holds the store's lock for both), every
 * entry written bumps the version, {@link #unexpired} returns only entries whose {@code until} is after now.
 */
public final class InMemoryRevocationStore implements RevocationStore {

    private final InMemoryAccessRequestStore requests;
    private final Map<String, KrlEntry> entries = new LinkedHashMap<>();
    private long version;

    public InMemoryRevocationStore(InMemoryAccessRequestStore requests) {
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    @Override
    public AccessRequest updateAndRevoke(AccessRequest updated, AuditRecord record, KrlEntry entry) {
        synchronized (requests) {
            AccessRequest written = requests.update(updated, record); // throws on a lost race: nothing written
            synchronized (this) {
                entries.put(entry.id(), entry);
                version++;
            }
            return written;
        }
    }

    @Override
    public synchronized void revoke(KrlEntry entry) {
        if (entries.containsKey(entry.id())) {
            throw new ConflictException("already_revoked", entry.id() + " is already revoked");
        }
        entries.put(entry.id(), entry);
        version++;
    }

    @Override
    public synchronized boolean contains(String entryId) {
        return entries.containsKey(entryId);
    }

    @Override
    public synchronized KrlSnapshot unexpired(Instant now) {
        List<KrlEntry> live = entries.values().stream().filter(e -> e.until().isAfter(now)).toList();
        return new KrlSnapshot(version, live, live.size() + 1L);
    }

    @Override
    public synchronized int dropExpired(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        entries.values().stream().filter(e -> !e.until().isAfter(now)).limit(limit).forEach(e -> due.add(e.id()));
        due.forEach(entries::remove);
        if (!due.isEmpty()) {
            version++;
        }
        return due.size();
    }

    public synchronized long version() {
        return version;
    }

    /** Every entry, expired ones the sweep has not dropped included. */
    public synchronized List<KrlEntry> all() {
        return List.copyOf(entries.values());
    }
}
