package dev.airlock.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of samples (nearest-rank percentiles, as latency reports use them). */
public final class Stats {

    private Stats() {
    }

    public static double median(List<? extends Number> samples) {
        return percentile(samples, 50);
    }

    /** The nearest-rank {@code p}-th percentile, {@code 0 < p <= 100}; NaN for no samples. */
    public static double percentile(List<? extends Number> samples, double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = samples.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        if (p == 50 && sorted.length % 2 == 0) {
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** Nanoseconds as milliseconds, rounded to microseconds. */
    public static double millis(double nanos) {
        return round(nanos / 1_000_000.0, 3);
    }

    public static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** Median of a primitive array (copy sorted). */
    public static double median(double[] samples) {
        return median(Arrays.stream(samples).boxed().toList());
    }
}
