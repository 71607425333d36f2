package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AuditLog;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AuditHead;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * TEST ONLY: the audit table in memory — every chain, the request chains that
 * {@link InMemoryAccessRequestStore} writes included, so {@link #read} returns any chain as the
 * DynamoDB adapter does. Thread-safe.
 *
 * <p>Keeps the adapter's contract: records are only ever added, a record whose {@code (chain, seq)}
 * is taken is refused with {@link ConflictException} (the adapter's {@code attribute_not_exists}
 * condition). Stricter than the adapter where that catches bugs early: a record that does not link to
 * the chain's head, or whose hash does not match, is refused with {@link IllegalArgumentException}.
 */
public final class InMemoryAuditLog implements AuditLog {

    private final Clock clock;
    private final Map<String, List<AuditRecord>> chains = new TreeMap<>();
    private volatile Consumer<String> beforeAppend = chain -> { };

    public InMemoryAuditLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditRecord append(String chain, String actor, AuditAction action, Map<String, String> details) {
        if (AuditChains.isRequestChain(chain)) {
            throw new IllegalArgumentException("request chains are written by the request store, not the audit log");
        }
        beforeAppend.accept(chain);
        synchronized (this) {
            AuditRecord record = AuditRecord.next(head(chain), chain, clock.instant(), actor, action, details);
            put(record);
            return record;
        }
    }

    @Override
    public synchronized List<AuditRecord> read(String chain) {
        return List.copyOf(chains.getOrDefault(chain, List.of()));
    }

    /**
     * Adds one record, as the adapter's conditional put does (used by the store for request chains).
     *
     * @throws ConflictException        code {@code audit_seq_taken} when {@code (chain, seq)} exists
     * @throws IllegalArgumentException when the record does not follow the chain's head or its hash is wrong
     */
    public synchronized void put(AuditRecord record) {
        List<AuditRecord> chain = chains.computeIfAbsent(record.chain(), c -> new ArrayList<>());
        if (record.seq() <= chain.size()) {
            throw new ConflictException("audit_seq_taken",
                    "audit record " + record.chain() + "/" + record.seq() + " already exists");
        }
        AuditHead head = head(record.chain());
        if (record.seq() != head.seq() + 1 || !record.prevHash().equals(head.hash())) {
            throw new IllegalArgumentException("audit record " + record.chain() + "/" + record.seq()
                    + " does not follow the chain head " + head);
        }
        if (!record.hashMatches()) {
            throw new IllegalArgumentException("audit record " + record.chain() + "/" + record.seq() + " has a wrong hash");
        }
        chain.add(record);
    }

    /** The head of a chain: its last record's seq and hash, or genesis. */
    public synchronized AuditHead head(String chain) {
        List<AuditRecord> records = chains.getOrDefault(chain, List.of());
        return records.isEmpty() ? AuditHead.GENESIS : records.get(records.size() - 1).head();
    }

    /** Every record of every chain, by chain then seq: compare snapshots to prove nothing was written. */
    public synchronized List<AuditRecord> all() {
        List<AuditRecord> all = new ArrayList<>();
        chains.values().forEach(all::addAll);
        return all;
    }

    public synchronized Set<String> chains() {
        return Set.copyOf(chains.keySet());
    }

    public synchronized int size() {
        return chains.values().stream().mapToInt(List::size).sum();
    }

    /** Whether the chain is intact: seq 1..n, each record linked to the previous and its hash right. */
    public synchronized boolean verifies(String chain) {
        AuditHead previous = AuditHead.GENESIS;
        for (AuditRecord record : chains.getOrDefault(chain, List.of())) {
            if (record.seq() != previous.seq() + 1 || !record.prevHash().equals(previous.hash()) || !record.hashMatches()) {
                return false;
            }
            previous = record.head();
        }
        return true;
    }

    /**
     * Runs {@code hook} with the chain before each {@link #append} (outside the lock): throw from it
     * to simulate an audit table that is down.
     */
    public void beforeAppend(Consumer<String> hook) {
        this.beforeAppend = Objects.requireNonNull(hook, "hook");
    }
}
