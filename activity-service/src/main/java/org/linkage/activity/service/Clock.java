package org.linkage.activity.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time as PostgreSQL stores it, so that an entity reads the same before and after it is saved. */
public final class Clock {

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Clock() {
    }
}
