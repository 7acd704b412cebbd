package org.linkage.events;

import java.time.Instant;

/** When the help is needed: from {@code start} (inclusive) to {@code end} (exclusive). */
public record TimeWindow(Instant start, Instant end) {
}
