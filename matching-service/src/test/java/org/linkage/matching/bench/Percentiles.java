package org.linkage.matching.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, summarised in milliseconds. */
final class Percentiles {

    private final long[] nanos;

    Percentiles(long[] nanos) {
        this.nanos = nanos.clone();
        Arrays.sort(this.nanos);
    }

    double millis(double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, index))] / 1e6;
    }

    double meanMillis() {
        return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }

    @Override
    public String toString() {
        return "n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms mean=%.3f ms".formatted(nanos.length, millis(50),
                millis(99), millis(100), meanMillis());
    }
}
