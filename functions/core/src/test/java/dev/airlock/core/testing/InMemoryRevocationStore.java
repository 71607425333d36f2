package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AuditLog;
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
    private final AuditLog auditLog;
    private final Map<String, KrlEntry> entries = new LinkedHashMap<>();
    /** Entries the sweep took out of the KRL: the adapter keeps their items, so contains() still knows them. */
    private final java.util.Set<String> dropped = new java.util.HashSet<>();
    private long version;

    /** @param auditLog where {@link #revokeAndAppend} appends (the same log the use cases read) */
    public InMemoryRevocationStore(InMemoryAccessRequestStore requests, AuditLog auditLog) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
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
        if (contains(entry.id())) {
            throw new ConflictException("already_revoked", entry.id() + " is already revoked");
        }
        entries.put(entry.id(), entry);
        version++;
    }

    /** The record first: if the append fails, no entry is written (both or neither, as in DynamoDB). */
    @Override
    public synchronized AuditRecord revokeAndAppend(KrlEntry entry, String chain, Instant at, String actor,
                                                    AuditAction action, Map<String, String> details) {
        if (contains(entry.id())) {
            throw new ConflictException("already_revoked", entry.id() + " is already revoked");
        }
        AuditRecord record = auditLog.append(chain, actor, action, details);
        entries.put(entry.id(), entry);
        version++;
        return record;
    }

    @Override
    public synchronized boolean contains(String entryId) {
        return entries.containsKey(entryId) || dropped.contains(entryId);
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
        dropped.addAll(due);
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
