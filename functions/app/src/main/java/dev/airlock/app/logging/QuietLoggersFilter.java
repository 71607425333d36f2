package dev.airlock.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.Map;

/**
 * Keeps secrets out of the logs whatever levels a deployment configures (e.g. {@code
 * LOGGING_LEVEL_ROOT=DEBUG}): loggers known to print raw Lambda events, message payloads or signed
 * HTTP requests are held at a floor level. The raw event carries the bearer token in its
 * {@code authorization} header (docs/ARCHITECTURE.md "Boundaries"); signed AWS requests carry session tokens.
 */
public final class QuietLoggersFilter extends TurboFilter {

    /** Logger name prefix → lowest level let through. */
    static final Map<String, Level> FLOORS = Map.of(
            // Logs every raw event at INFO, bearer token included.
            "org.springframework.cloud.function.adapter.aws.AWSLambdaUtils", Level.WARN,
            // Log converted inputs, outputs and message headers (the event's headers) at DEBUG/TRACE.
            "org.springframework.cloud.function", Level.INFO,
            "org.springframework.messaging", Level.INFO,
            // The SDK logs canonical requests (with X-Amz-Security-Token) and wire data at DEBUG.
            "software.amazon.awssdk", Level.INFO,
            // The JDK's HttpURLConnection (the SDK's HTTP client) logs request headers at FINE.
            "sun.net.www.protocol.http", Level.INFO);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (logger == null || level == null) {
            return FilterReply.NEUTRAL;
        }
        Level floor = floorOf(logger.getName());
        return floor != null && !level.isGreaterOrEqual(floor) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** The strictest floor among the prefixes that cover {@code name} (the longest prefix wins). */
    static Level floorOf(String name) {
        String best = null;
        for (String prefix : FLOORS.keySet()) {
            boolean covers = name.equals(prefix) || name.startsWith(prefix + ".");
            if (covers && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : FLOORS.get(best);
    }
}
