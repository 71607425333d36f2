package dev.airlock.aws.dynamodb;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts calls per operation and the items Query returned and read (ScannedCount), as the SDK sees them. */
public final class CountingInterceptor implements ExecutionInterceptor {

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong queryItems = new AtomicLong();
    private final AtomicLong queryScanned = new AtomicLong();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        calls.computeIfAbsent(request.getClass().getSimpleName().replace("Request", ""), k -> new AtomicLong())
                .incrementAndGet();
        if (context.response() instanceof QueryResponse query) {
            queryItems.addAndGet(query.items().size());
            queryScanned.addAndGet(query.scannedCount() == null ? -1_000_000 : query.scannedCount());
        }
    }

    /** Successful calls of one operation, e.g. {@code "Query"}, {@code "GetItem"}. */
    public long calls(String operation) {
        AtomicLong count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long queryItems() {
        return queryItems.get();
    }

    /** Items DynamoDB read to answer the queries (ScannedCount); a missing count poisons the sum. */
    public long queryScanned() {
        return queryScanned.get();
    }

    public void reset() {
        calls.clear();
        queryItems.set(0);
        queryScanned.set(0);
    }
}
