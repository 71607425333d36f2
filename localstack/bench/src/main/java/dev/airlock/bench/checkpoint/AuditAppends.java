package dev.airlock.bench.checkpoint;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AuditLog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Appends audit records through the product's write path, {@code DynamoDbAuditLog} (one
 * {@code TransactWriteItems} per record: the record and its chain's head), from a few threads, since
 * the embedded endpoint has no BatchWriteItem. Chains are {@code user#bench-<n>}: base-role
 * certificate chains, which any number of users can have.
 */
final class AuditAppends {

    private static final int THREADS = 4;

    private AuditAppends() {
    }

    static String chain(int n) {
        return AuditChains.forUser(String.format("bench-%06d", n));
    }

    /** One record on each chain {@code chainOf(0 .. count - 1)}, in the order the writes completed per chain. */
    static List<AuditRecord> append(AuditLog log, int count, IntFunction<String> chainOf) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<AuditRecord>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String chain = chainOf.apply(i);
                String serial = Integer.toString(i);
                futures.add(pool.submit(() -> log.append(chain, "bench", AuditAction.CERTIFICATE_ISSUED,
                        Map.of("serial", serial))));
            }
            List<AuditRecord> records = new ArrayList<>(count);
            for (Future<AuditRecord> future : futures) {
                records.add(future.get());
            }
            return records;
        } catch (ExecutionException e) {
            throw new IllegalStateException("appending an audit record failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
