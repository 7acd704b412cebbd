package org.linkage.testing;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one way tests wait for what happens asynchronously (an event consumed, a timer fired): Awaitility. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * Polls until the value satisfies the condition, and returns it.
     *
     * @throws org.awaitility.core.ConditionTimeoutException naming {@code what} when the timeout passes first
     */
    public static <T> T value(String what, Supplier<T> probe, Predicate<T> condition, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL)
                .until(probe::get, condition::test);
    }

    private Eventually() {
    }
}
