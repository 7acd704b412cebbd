package org.linkage.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: the first retry after {@code firstRetryAfter}, each next one twice as late, capped; up to
 * {@code jitter} of the delay is added at random, so that what failed together does not retry together.
 */
public record RetryPolicy(int maxAttempts, Duration firstRetryAfter, Duration longestRetryAfter, double jitter) {

    /** When to try again after the given number of failed attempts; empty once the limit is reached. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        return nextAttempt(failedAttempts, now, ThreadLocalRandom.current().nextDouble());
    }

    /** @param random in [0, 1): the share of the jitter added this time */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now, double random) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // Shifting by more than 30 would overflow long before any sensible cap is reached.
        Duration delay = firstRetryAfter.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        Duration capped = delay.compareTo(longestRetryAfter) > 0 ? longestRetryAfter : delay;
        return Optional.of(now.plus(capped).plusNanos((long) (capped.toNanos() * jitter * random)));
    }
}
