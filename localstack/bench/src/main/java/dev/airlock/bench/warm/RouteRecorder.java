package dev.airlock.bench.warm;

import dev.airlock.bench.Progress;
import dev.airlock.bench.Stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Runs one route's calls and turns them into its figures: client latency ({@code p50Ms}, {@code p99Ms}),
 * the function's overhead beyond its SDK calls, the SDK time itself, and the gateway's share. The
 * first {@code warmup} calls of each route are made but not recorded.
 */
final class RouteRecorder {

    /** The target for the function's p99 overhead beyond its backend calls. */
    static final double OVERHEAD_TARGET_MS = 2.0;

    private final ApiClient client;
    private final TimingFunctionHost host;
    private final int warmup;

    RouteRecorder(ApiClient client, TimingFunctionHost host, int warmup) {
        this.client = client;
        this.host = host;
        this.warmup = warmup;
    }

    Map<String, Object> route(String name, int count, IntFunction<ApiClient.Reply> call, Progress progress) {
        List<Long> latency = new ArrayList<>();
        List<Long> overhead = new ArrayList<>();
        List<Long> backend = new ArrayList<>();
        List<Long> wire = new ArrayList<>();
        List<Long> gateway = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        long backendCalls = 0;
        for (int i = 0; i < count; i++) {
            ApiClient.Reply reply = call.apply(i);
            TimingFunctionHost.Sample sample = host.last();
            if (i < warmup) {
                continue;
            }
            latency.add(reply.nanos());
            overhead.add(sample.overheadNanos());
            backend.add(sample.backendNanos());
            wire.add(sample.wireNanos());
            gateway.add(reply.nanos() - sample.invokeNanos());
            cpu.add(sample.overheadCpuNanos());
            backendCalls += sample.backendCalls();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("calls", latency.size());
        figures.put("p50Ms", ms(latency, 50));
        figures.put("p99Ms", ms(latency, 99));
        figures.put("functionOverheadP50Ms", ms(overhead, 50));
        figures.put("functionOverheadP99Ms", ms(overhead, 99));
        figures.put("functionCpuP50Ms", ms(cpu, 50));
        figures.put("functionCpuP99Ms", ms(cpu, 99));
        figures.put("overheadTargetMs", OVERHEAD_TARGET_MS);
        figures.put("backendP50Ms", ms(backend, 50));
        figures.put("backendP99Ms", ms(backend, 99));
        figures.put("backendHttpP50Ms", ms(wire, 50));
        figures.put("backendCallsPerRequest", Stats.round((double) backendCalls / latency.size(), 2));
        figures.put("gatewayP50Ms", ms(gateway, 50));
        figures.put("gatewayP99Ms", ms(gateway, 99));
        progress.step(String.format("warm %-28s p50 %.2f ms  p99 %.2f ms  function overhead p99 %.2f ms (CPU %.2f ms)",
                name, figures.get("p50Ms"), figures.get("p99Ms"), figures.get("functionOverheadP99Ms"),
                figures.get("functionCpuP99Ms")));
        return figures;
    }

    private static double ms(List<Long> nanos, double percentile) {
        return Stats.millis(Stats.percentile(nanos, percentile));
    }
}
