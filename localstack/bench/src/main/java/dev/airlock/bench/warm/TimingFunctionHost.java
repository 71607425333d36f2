package dev.airlock.bench.warm;

import dev.airlock.local.FunctionHost;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Objects;

/**
 * Wraps the gateway's {@link FunctionHost}: times each invocation (event JSON in → Lambda response
 * JSON out: conversion, the function, its use case, its SDK calls) and the SDK calls inside it, via
 * {@link BackendTimer}. The bench calls one request at a time, so {@link #last()} belongs to the
 * response just received.
 */
final class TimingFunctionHost implements FunctionHost {

    /**
     * One invocation: elapsed in total, in SDK calls and in their HTTP exchanges; how many calls; and
     * the invoking thread's CPU time in total and inside the SDK calls.
     */
    record Sample(long invokeNanos, long backendNanos, long wireNanos, int backendCalls, long cpuNanos,
                  long backendCpuNanos) {

        /** Elapsed time beyond the SDK calls: what the function adds, waits for a core included. */
        long overheadNanos() {
            return invokeNanos - backendNanos;
        }

        /** CPU time beyond the SDK calls: what the function adds, immune to waiting for a core. */
        long overheadCpuNanos() {
            return cpuNanos - backendCpuNanos;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final FunctionHost delegate;
    private volatile Sample last;

    TimingFunctionHost(FunctionHost delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public byte[] invoke(String name, byte[] payload) {
        BackendTimer.begin();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        try {
            return delegate.invoke(name, payload);
        } finally {
            long invoke = System.nanoTime() - started;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            BackendTimer.Totals backend = BackendTimer.end();
            last = new Sample(invoke, backend.executionNanos(), backend.transmissionNanos(), backend.calls(), cpu,
                    backend.cpuNanos());
        }
    }

    Sample last() {
        return last;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
