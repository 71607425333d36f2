package dev.airlock.endpoints.dynamodb.store;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All tables, guarded by one read-write lock: reads share it, and each write operation (a single
 * item write or a whole transaction) holds it exclusively from its first read to its commit. That
 * makes every operation serialisable and isolated; it trades throughput for obvious correctness.
 */
public final class Store implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Store.class.getName());

    private final TreeMap<String, Table> tables = new TreeMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Persistence persistence;
    private final Clock clock;

    private Store(Optional<Path> directory, Clock clock) throws IOException {
        this.persistence = directory.isPresent() ? Persistence.open(directory.get(), tables) : null;
        this.clock = clock;
    }

    /** An in-memory store, or one kept in {@code directory} (loaded from it when it has data). */
    public static Store open(Optional<Path> directory) {
        return open(directory, Clock.systemUTC());
    }

    /** As {@link #open(Optional)}, with the clock that times stream records. */
    public static Store open(Optional<Path> directory, Clock clock) {
        try {
            return new Store(directory, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the DynamoDB data directory " + directory.orElse(null), e);
        }
    }

    /** What operations see of the store while they hold its lock. */
    public interface Tables {
        Optional<Table> table(String name);

        NavigableSet<String> names();
    }

    @FunctionalInterface
    public interface ReadAction<T> {
        T run(Tables tables) throws AwsServiceException;
    }

    @FunctionalInterface
    public interface WriteAction<T> {
        /** Reads what it needs, adds the changes to make to {@code changes}, returns the response. */
        T run(Tables tables, List<Change> changes) throws AwsServiceException;
    }

    private final Tables view = new Tables() {
        @Override
        public Optional<Table> table(String name) {
            return Optional.ofNullable(tables.get(name));
        }

        @Override
        public NavigableSet<String> names() {
            return Collections.unmodifiableNavigableSet(tables.navigableKeySet());
        }
    };

    public <T> T read(ReadAction<T> action) throws AwsServiceException {
        lock.readLock().lock();
        try {
            return action.run(view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Runs {@code action} alone, then makes its changes durable (when persistent) and visible, all
     * or none. If the action throws, nothing changes.
     */
    public <T> T write(WriteAction<T> action) throws AwsServiceException {
        lock.writeLock().lock();
        try {
            List<Change> changes = new ArrayList<>();
            T result = action.run(view, changes);
            if (!changes.isEmpty()) {
                commit(changes);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void commit(List<Change> operationChanges) throws AwsServiceException {
        List<Change> changes = StreamRecorder.withStreamRecords(tables, operationChanges, clock.instant());
        if (persistence != null) {
            try {
                persistence.append(changes);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot write the DynamoDB journal", e);
                throw new AwsServiceException("InternalServerError", "Internal server error", 500);
            }
        }
        for (Change change : changes) {
            change.applyTo(tables);
        }
        if (persistence != null && persistence.wantsCompaction()) {
            compact();
        }
    }

    private void compact() {
        try {
            persistence.compact(tables);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "DynamoDB snapshot failed; the journal keeps the data", e);
        }
    }

    /** Writes a final snapshot (when persistent) and releases the files. */
    @Override
    public void close() {
        if (persistence == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            compact();
            persistence.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the DynamoDB journal failed", e);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
