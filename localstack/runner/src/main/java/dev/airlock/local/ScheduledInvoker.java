package dev.airlock.local;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Invokes a scheduled function of the catalogue the way an EventBridge schedule does: with a
 * {@code "detail-type": "Scheduled Event"} event, through the same function host as the HTTP routes.
 */
public final class ScheduledInvoker {

    private final FunctionHost functions;
    private final String function;
    private final Clock clock;
    private final String region;
    private final ObjectMapper json = JsonMapper.builder().build();

    public ScheduledInvoker(FunctionHost functions, String function, Clock clock, String region) {
        this.functions = Objects.requireNonNull(functions, "functions");
        this.function = Objects.requireNonNull(function, "function");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The rule's name, as the stack's would be: {@code airlock-<function>}. */
    public String ruleName() {
        return "airlock-" + function;
    }

    /** One run; returns the function's result (e.g. the sweep summary) as JSON text. */
    public String runOnce() {
        byte[] result = functions.invoke(function, json.writeValueAsBytes(event()));
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
        event.put("resources", List.of("arn:aws:events:" + region + ":" + account + ":rule/" + ruleName()));
        event.put("detail", Map.of());
        return event;
    }
}
