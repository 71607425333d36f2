package dev.airlock.local;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.FunctionSpec;
import dev.airlock.core.api.Trigger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The runner's side of the catalogue: each function's trigger kind mapped once. HTTP functions are
 * served by the {@link LocalGateway} (nothing to start here); each scheduled function gets a
 * {@link ScheduleTimer} at its rate; a table-stream function cannot run locally until the embedded
 * endpoints serve DynamoDB Streams, and says so at start-up rather than never running.
 */
public final class LocalTriggers implements AutoCloseable {

    private final List<ScheduleTimer> timers;

    private LocalTriggers(List<ScheduleTimer> timers) {
        this.timers = List.copyOf(timers);
    }

    /** Starts the triggers of {@code functions} (catalogue entries) over {@code host}. */
    public static LocalTriggers start(List<FunctionSpec> functions, FunctionHost host, Clock clock, String region) {
        Objects.requireNonNull(host, "host");
        List<ScheduleTimer> timers = new ArrayList<>();
        try {
            for (FunctionSpec spec : functions) {
                switch (spec.kind()) {
                    case HTTP -> { } // the gateway routes to it
                    case SCHEDULE -> timers.add(ScheduleTimer.start(new ScheduledInvoker(host, spec.name(), clock,
                            region), ((Trigger.Schedule) spec.trigger()).rate()));
                    case TABLE_STREAM -> throw new UnsupportedOperationException("function '" + spec.name()
                            + "' is triggered by a table stream, which is not yet supported locally");
                }
            }
        } catch (RuntimeException e) {
            timers.forEach(ScheduleTimer::close);
            throw e;
        }
        return new LocalTriggers(timers);
    }

    /** Starts the triggers of the whole catalogue. */
    public static LocalTriggers start(FunctionHost host, Clock clock, String region) {
        return start(Catalogue.ALL, host, clock, region);
    }

    /** How many schedules run. */
    public int schedules() {
        return timers.size();
    }

    @Override
    public void close() {
        timers.forEach(ScheduleTimer::close);
    }
}
