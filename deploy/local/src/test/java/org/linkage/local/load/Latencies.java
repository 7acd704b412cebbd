package org.linkage.local.load;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a set of latencies in microseconds (nearest rank). */
record Latencies(long[] sortedMicros) {

    static Latencies of(Collection<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return sortedMicros.length;
    }

    /** The q-quantile in milliseconds (q in (0, 1]), NaN when empty. */
    double millis(double q) {
        if (sortedMicros.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedMicros.length);
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length, rank) - 1)] / 1000.0;
    }

    double p50() {
        return millis(0.50);
    }

    double p99() {
        return millis(0.99);
    }

    double p999() {
        return millis(0.999);
    }

    double max() {
        return millis(1.0);
    }
}
