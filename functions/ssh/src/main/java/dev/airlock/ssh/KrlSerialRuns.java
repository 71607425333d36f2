package dev.airlock.ssh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Serials (unsigned 64-bit) sorted and merged into maximal runs of consecutive values. */
final class KrlSerialRuns {

    /** Serials {@code lo..hi}, inclusive, compared as unsigned. */
    record Run(long lo, long hi) {
        long length() {
            return hi - lo + 1;
        }
    }

    private KrlSerialRuns() {
    }

    static List<Run> of(Collection<Long> serials) {
        long[] sorted = serials.stream().mapToLong(Long::longValue).toArray();
        sortUnsigned(sorted);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < sorted.length; ) {
            long lo = sorted[i];
            long hi = lo;
            i++;
            while (i < sorted.length && (sorted[i] == hi || (sorted[i] == hi + 1 && hi != -1L))) {
                hi = sorted[i];
                i++;
            }
            runs.add(new Run(lo, hi));
        }
        return runs;
    }

    /** Unsigned order: flipping the sign bit maps it onto signed order. */
    private static void sortUnsigned(long[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] ^= Long.MIN_VALUE;
        }
        java.util.Arrays.sort(values);
        for (int i = 0; i < values.length; i++) {
            values[i] ^= Long.MIN_VALUE;
        }
    }
}
