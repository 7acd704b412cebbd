package org.linkage.local.load;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock microseconds with nanoTime's resolution: the client's times and the databases' timestamps are on one
 * machine's clock, so that a hop from a commit to the stream can be taken across them.
 */
final class MicroClock {

    private static final long BASE_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    private static final long BASE_NANOS = System.nanoTime();

    static long now() {
        return at(System.nanoTime());
    }

    /** The wall-clock microseconds of a System.nanoTime() reading. */
    static long at(long nanoTime) {
        return BASE_MICROS + (nanoTime - BASE_NANOS) / 1000;
    }

    private MicroClock() {
    }
}
