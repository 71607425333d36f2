package dev.airlock.bench.storage;

import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.Progress;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.RequestAccess;
import dev.airlock.domain.role.Identity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills the requests table through the product's write path — {@code RequestAccess} over the
 * DynamoDB request store, one {@code TransactWriteItems} (request + first audit record) per request —
 * from a few threads, since the embedded endpoint has no BatchWriteItem and the store writes
 * transactionally anyway. Every hundredth request is created two hours in the past, so its one-hour
 * pending TTL has run out: 1 % overdue. The rest are PENDING and not yet due, so the expiry index
 * holds every request and the sweep must find the 1 % among them.
 */
final class Population {

    static final int USERS = 200;
    private static final int THREADS = 4;
    private static final int CHUNK = 500;

    private Population() {
    }

    /** @return the number of overdue requests created */
    static int create(LocalBackend backend, int size, Progress progress) {
        Clock now = Clock.systemUTC();
        Clock past = Clock.offset(now, Duration.ofHours(-2));
        DynamoDbClient client = backend.dynamoDb(List.of());
        RoleCatalog catalog = backend.roleCatalog(now);
        List<Identity> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(LocalBackend.identity(catalog, user(u), "contractors"));
        }
        RequestAccess fresh = new RequestAccess(backend.store(client, now), catalog, now);
        RequestAccess overdue = new RequestAccess(backend.store(client, past), catalog, past);
        NewRequest command = NewRequest.of(List.of("dba"), "bench: sweep and list scaling");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            long started = System.nanoTime();
            for (int from = 0; from < size; from += CHUNK) {
                List<Future<?>> chunk = new ArrayList<>();
                for (int i = from; i < Math.min(size, from + CHUNK); i++) {
                    int n = i;
                    chunk.add(pool.submit(() -> (isOverdue(n) ? overdue : fresh)
                            .handle(users.get(n % USERS), command, Optional.empty())));
                }
                await(chunk);
                if ((from + CHUNK) % (size / 5) == 0) {
                    progress.step(String.format("sweep %,d: %,d requests written (%.0f/s)", size, from + CHUNK,
                            (from + CHUNK) * 1e9 / (System.nanoTime() - started)));
                }
            }
        } finally {
            pool.shutdownNow();
            client.close();
        }
        return (size + 99) / 100;
    }

    static String user(int n) {
        return String.format("user-%03d", n);
    }

    private static boolean isOverdue(int n) {
        return n % 100 == 0;
    }

    private static void await(List<Future<?>> futures) {
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing a request failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
