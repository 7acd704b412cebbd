package org.linkage.chassis.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time as PostgreSQL stores it (microseconds), so that what a write returns equals what later reads
 * return, and an entity compares equal before and after it is saved.
 */
public final class DatabaseClock {

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private DatabaseClock() {
    }
}
