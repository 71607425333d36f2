package dev.airlock.app.logging;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One CloudWatch metric written as a log line in the Embedded Metric Format
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * CloudWatch Logs extracts it from the function's log stream, so no CloudWatch client, permission or
 * network call is needed. Namespace and name are code constants (never user text), checked anyway.
 */
public final class EmbeddedMetric {

    /** The namespace of Airlock's metrics; the CDK alarm uses the same (infra). */
    public static final String NAMESPACE = dev.airlock.core.usecase.PostReviewQueue.METRIC_NAMESPACE;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private final PrintStream out;

    public EmbeddedMetric(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The EMF line for a {@code Count} metric without dimensions. */
    public static String countLine(String name, long value, Instant at) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name must be alphanumeric: " + name);
        }
        return "{\"_aws\":{\"Timestamp\":" + at.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\""
                + NAMESPACE + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + name
                + "\",\"Unit\":\"Count\"}]}]},\"" + name + "\":" + value + "}";
    }

    /** Writes the line to stdout, which Lambda sends to the function's log group as one event. */
    public void count(String name, long value, Instant at) {
        out.println(countLine(name, value, at));
        out.flush();
    }
}
