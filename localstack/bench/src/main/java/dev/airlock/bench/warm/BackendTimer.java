package dev.airlock.bench.warm;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times the AWS SDK calls a function makes, per invoking thread. The SDK loads it into every client
 * of the bench process as a global interceptor (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the bench jar; the measured
 * cold-start JVMs never see it). It records only between {@link #begin()} and {@link #end()} on the
 * same thread — sync SDK clients run every hook on the calling thread — and does nothing otherwise.
 */
public final class BackendTimer implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> EXECUTION_START = new ExecutionAttribute<>("bench.executionStart");
    private static final ExecutionAttribute<Long> TRANSMISSION_START = new ExecutionAttribute<>("bench.transmissionStart");
    private static final ExecutionAttribute<Long> CPU_START = new ExecutionAttribute<>("bench.cpuStart");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<Totals> CURRENT = new ThreadLocal<>();

    /**
     * SDK time in one scope: whole calls (marshal, sign, send, wait, unmarshal), the HTTP exchange
     * alone, and the calling thread's CPU time inside the calls.
     */
    public static final class Totals {
        private long executionNanos;
        private long transmissionNanos;
        private long cpuNanos;
        private int calls;

        public long cpuNanos() {
            return cpuNanos;
        }

        public long executionNanos() {
            return executionNanos;
        }

        public long transmissionNanos() {
            return transmissionNanos;
        }

        public int calls() {
            return calls;
        }
    }

    /** Starts recording the SDK calls this thread makes. */
    public static void begin() {
        CURRENT.set(new Totals());
    }

    /** Stops recording on this thread and returns what was recorded. */
    public static Totals end() {
        Totals totals = CURRENT.get();
        CURRENT.remove();
        return totals == null ? new Totals() : totals;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (CURRENT.get() != null) {
            attributes.putAttribute(CPU_START, THREADS.getCurrentThreadCpuTime());
            attributes.putAttribute(EXECUTION_START, System.nanoTime());
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (CURRENT.get() != null) {
            attributes.putAttribute(TRANSMISSION_START, System.nanoTime());
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Totals totals = CURRENT.get();
        Long started = attributes.getAttribute(TRANSMISSION_START);
        if (totals != null && started != null) {
            totals.transmissionNanos += System.nanoTime() - started;
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes);
    }

    private static void finish(ExecutionAttributes attributes) {
        Totals totals = CURRENT.get();
        Long started = attributes.getAttribute(EXECUTION_START);
        if (totals != null && started != null) {
            totals.executionNanos += System.nanoTime() - started;
            totals.cpuNanos += THREADS.getCurrentThreadCpuTime() - attributes.getAttribute(CPU_START);
            totals.calls++;
        }
    }
}
