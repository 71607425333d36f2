package dev.airlock.bench.storage;

import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the items DynamoDB read to answer each call, from the responses as the SDK sees them: for
 * Query and Scan the {@code ScannedCount} (items read before any filter, which is what DynamoDB
 * charges), for GetItem 1 when an item came back, for the batch and transactional gets the items
 * returned. Also counts calls per operation.
 */
public final class ItemReadCounter implements ExecutionInterceptor {

    private final AtomicLong itemsRead = new AtomicLong();
    private final AtomicLong indexItemsRead = new AtomicLong();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = context.request().getClass().getSimpleName().replace("Request", "");
        calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
        long read = itemsIn(context.response());
        itemsRead.addAndGet(read);
        if (context.response() instanceof QueryResponse) {
            indexItemsRead.addAndGet(read);
        }
    }

    private static long itemsIn(SdkResponse response) {
        if (response instanceof QueryResponse query) {
            return query.scannedCount() == null ? query.items().size() : query.scannedCount();
        }
        if (response instanceof ScanResponse scan) {
            return scan.scannedCount() == null ? scan.items().size() : scan.scannedCount();
        }
        if (response instanceof GetItemResponse get) {
            return get.hasItem() && !get.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof BatchGetItemResponse batch) {
            return batch.responses().values().stream().mapToLong(java.util.List::size).sum();
        }
        if (response instanceof TransactGetItemsResponse transact) {
            return transact.responses().stream().filter(r -> r.hasItem() && !r.item().isEmpty()).count();
        }
        return 0;
    }

    /** Every item read since the last reset. */
    public long itemsRead() {
        return itemsRead.get();
    }

    /** Items read by Query calls (the indexes the listings and the sweep read). */
    public long queryItemsRead() {
        return indexItemsRead.get();
    }

    /** Calls per operation since the last reset, e.g. {@code {GetItem=100, Query=8, TransactWriteItems=100}}. */
    public Map<String, Long> calls() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public void reset() {
        itemsRead.set(0);
        indexItemsRead.set(0);
        calls.clear();
    }
}
