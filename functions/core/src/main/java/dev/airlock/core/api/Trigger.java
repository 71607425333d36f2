package dev.airlock.core.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What starts a function. Each layer maps a trigger {@link Kind} once — the app to one raw-event
 * adapter, infra to one event source, the local runner to a gateway, a timer or a stream poller,
 * priming to one path — and never looks at a function's name to decide it.
 */
public sealed interface Trigger permits Trigger.HttpRoutes, Trigger.Schedule, Trigger.TableStream {

    /** The kinds of trigger; a switch over it is checked for exhaustiveness by the compiler. */
    enum Kind { HTTP, SCHEDULE, TABLE_STREAM }

    Kind kind();

    /** API Gateway HTTP API routes; the function takes the raw {@code APIGatewayV2HTTPEvent}. */
    record HttpRoutes(List<Route> routes) implements Trigger {
        public HttpRoutes {
            routes = List.copyOf(routes);
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("an HTTP function serves at least one route");
            }
        }

        @Override
        public Kind kind() {
            return Kind.HTTP;
        }
    }

    /** A fixed-rate schedule (EventBridge {@code rate(...)}); the function takes the scheduled event. */
    record Schedule(Duration rate) implements Trigger {
        public Schedule {
            requireEventBridgeRate(rate);
        }

        @Override
        public Kind kind() {
            return Kind.SCHEDULE;
        }
    }

    /**
     * A DynamoDB table's stream (new images), e.g. the audit table feeding a checkpoint or a notifier.
     * Lambda invokes a stream function only when records arrive; a function that must also act on a
     * quiet table (checkpoint: take the due checkpoint of records already staged, and show that the
     * pipeline is alive) has a {@code heartbeat}: an extra scheduled invocation that its adapter reads
     * as an empty batch.
     *
     * @param table     the logical table, {@code requests} or {@code audit} ({@link dev.airlock.core.storage.Tables})
     * @param heartbeat the rate of the empty-batch invocations (whole minutes, an EventBridge rate), if any
     */
    record TableStream(String table, Optional<Duration> heartbeat) implements Trigger {
        public TableStream {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(heartbeat, "heartbeat");
            heartbeat.ifPresent(Trigger::requireEventBridgeRate);
        }

        /** A stream trigger without heartbeat. */
        public TableStream(String table) {
            this(table, Optional.empty());
        }

        /** A stream trigger with a heartbeat at {@code rate}. */
        public TableStream(String table, Duration heartbeat) {
            this(table, Optional.of(heartbeat));
        }

        @Override
        public Kind kind() {
            return Kind.TABLE_STREAM;
        }
    }

    /** EventBridge rates are whole minutes. */
    private static void requireEventBridgeRate(Duration rate) {
        Objects.requireNonNull(rate, "rate");
        if (rate.toMinutes() < 1 || !rate.equals(Duration.ofMinutes(rate.toMinutes()))) {
            throw new IllegalArgumentException("a schedule's rate is a whole number of minutes (EventBridge rate)");
        }
    }
}
