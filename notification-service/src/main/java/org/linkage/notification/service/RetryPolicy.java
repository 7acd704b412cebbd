package org.linkage.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Exponential backoff: the first retry after {@code firstRetryAfter}, each next one twice as late, capped. */
public record RetryPolicy(int maxAttempts, Duration firstRetryAfter, Duration longestRetryAfter) {

    /** When to try again after the given number of failed attempts; empty once the limit is reached. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // Shifting by more than 30 would overflow long before any sensible cap is reached.
        Duration delay = firstRetryAfter.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return Optional.of(now.plus(delay.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : delay));
    }
}
