package dev.airlock.local;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.FunctionSpec;
import dev.airlock.core.api.Trigger;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runner's side of the catalogue: each function's trigger kind mapped once. HTTP functions are
 * served by the {@link LocalGateway} (nothing to start here); each scheduled function gets a
 * {@link ScheduleTimer} at its rate; each table-stream function a {@link StreamPoller} of its own on
 * its table's stream, run by a {@link StreamTrigger} (the local event source mapping).
 */
public final class LocalTriggers implements AutoCloseable {

    /** How to stop each started trigger. */
    private final List<Runnable> running;
    private final int schedules;
    private final int streams;

    private LocalTriggers(List<Runnable> running, int schedules, int streams) {
        this.running = List.copyOf(running);
        this.schedules = schedules;
        this.streams = streams;
    }

    /**
     * Where table-stream functions read their streams.
     *
     * @param client        the DynamoDB Streams client
     * @param tables        logical table ({@link Trigger.TableStream#table()}) → physical name
     * @param positions     where pollers keep their positions across restarts; empty = in memory
     * @param pollInterval  how often an idle stream is polled
     * @param maxBackoff    the longest wait before a failed batch is delivered again
     * @param idleInvoke    how often an idle stream still invokes its function with an empty batch, if at all
     * @param clock         paces the idle invocations (wall time, not the functions' clock)
     */
    public record StreamSource(DynamoDbStreamsClient client, Map<String, String> tables, Optional<Path> positions,
                               Duration pollInterval, Duration maxBackoff, Optional<Duration> idleInvoke, Clock clock) {
        public StreamSource {
            Objects.requireNonNull(client, "client");
            tables = Map.copyOf(tables);
            Objects.requireNonNull(positions, "positions");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(idleInvoke, "idleInvoke");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** Most records per batch, as the event source mapping's default batch size (100). */
    static final int BATCH_SIZE = 100;

    /**
     * Starts the triggers of {@code functions} (catalogue entries) over {@code host}.
     *
     * @param streams where table-stream functions read; empty refuses them
     */
    public static LocalTriggers start(List<FunctionSpec> functions, FunctionHost host, Clock clock, String region,
                                      Optional<StreamSource> streams) {
        Objects.requireNonNull(host, "host");
        List<Runnable> running = new ArrayList<>();
        int schedules = 0;
        int pollers = 0;
        StreamPositions positions = new StreamPositions(streams.flatMap(StreamSource::positions));
        try {
            for (FunctionSpec spec : functions) {
                switch (spec.kind()) {
                    case HTTP -> { } // the gateway routes to it
                    case SCHEDULE -> {
                        running.add(ScheduleTimer.start(new ScheduledInvoker(host, spec.name(), clock, region),
                                ((Trigger.Schedule) spec.trigger()).rate())::close);
                        schedules++;
                    }
                    case TABLE_STREAM -> {
                        running.add(stream(spec, host, streams.orElseThrow(() -> new UnsupportedOperationException(
                                "function '" + spec.name() + "' is triggered by a table stream: give a stream source")),
                                positions)::close);
                        pollers++;
                    }
                }
            }
        } catch (RuntimeException e) {
            closeAll(running);
            throw e;
        }
        return new LocalTriggers(running, schedules, pollers);
    }

    /** Starts the triggers of the whole catalogue. */
    public static LocalTriggers start(FunctionHost host, Clock clock, String region, StreamSource streams) {
        return start(Catalogue.ALL, host, clock, region, Optional.of(streams));
    }

    private static StreamTrigger stream(FunctionSpec spec, FunctionHost host, StreamSource source,
                                        StreamPositions positions) {
        String logical = ((Trigger.TableStream) spec.trigger()).table();
        String table = Optional.ofNullable(source.tables().get(logical)).orElseThrow(() ->
                new IllegalArgumentException("function '" + spec.name() + "': no table '" + logical + "'"));
        StreamPoller poller = new StreamPoller(source.client(), table, host, spec.name(), positions, source.clock(),
                BATCH_SIZE, source.idleInvoke());
        return StreamTrigger.start(poller, source.pollInterval(), source.maxBackoff());
    }

    /** How many schedules run. */
    public int schedules() {
        return schedules;
    }

    /** How many stream pollers run. */
    public int streams() {
        return streams;
    }

    @Override
    public void close() {
        closeAll(running);
    }

    private static void closeAll(List<Runnable> running) {
        running.forEach(Runnable::run);
    }
}
