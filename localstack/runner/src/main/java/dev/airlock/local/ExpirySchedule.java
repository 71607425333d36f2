package dev.airlock.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local EventBridge schedule: invokes the {@code expire} function every minute with the event an
 * EventBridge rule sends ({@code "detail-type": "Scheduled Event"}), through the same function host as
 * the HTTP routes. A failed run is logged and the next one runs as usual, as with a Lambda retry.
 */
public final class ExpirySchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySchedule.class);
    public static final Duration PERIOD = Duration.ofMinutes(1);
    public static final String RULE_NAME = "airlock-expire";

    private final FunctionHost functions;
    private final Clock clock;
    private final String region;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService timer;

    private ExpirySchedule(FunctionHost functions, Clock clock, String region) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "airlock-expiry-schedule");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the schedule: first run one period from now, then every {@link #PERIOD}. */
    public static ExpirySchedule start(FunctionHost functions, Clock clock, String region) {
        ExpirySchedule schedule = new ExpirySchedule(functions, clock, region);
        schedule.timer.scheduleAtFixedRate(schedule::runSafely, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** One run now, as the schedule would make it; returns the function's JSON result. */
    public String runOnce() {
        byte[] result = functions.invoke(dev.airlock.core.api.Routes.EXPIRE, json.writeValueAsBytes(event()));
        return new String(result, StandardCharsets.UTF_8);
    }

    /** The scheduled event EventBridge delivers to a Lambda target. */
    Map<String, Object> event() {
        String account = LocalGateway.ACCOUNT_ID;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", account);
        event.put("time", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.put("resources", List.of("arn:aws:events:" + region + ":" + account + ":rule/" + RULE_NAME));
        event.put("detail", Map.of());
        return event;
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("expiry run failed: {}: {}", e.getClass().getName(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
