package org.linkage.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one way tests wait for what happens asynchronously (an event consumed, a timer fired): Awaitility. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    /** Polls in the test's own thread, as the loops it replaced did: a probe may use the test's CDI contexts. */
    private static ConditionFactory await(String what) {
        return Awaitility.await(what).pollInSameThread().pollInterval(POLL);
    }

    /**
     * Polls until the value satisfies the condition, and returns it.
     *
     * @throws org.awaitility.core.ConditionTimeoutException naming {@code what} when the timeout passes first
     */
    public static <T> T value(String what, Supplier<T> probe, Predicate<T> condition, Duration timeout) {
        return await(what).atMost(timeout).pollDelay(Duration.ZERO)
                .until(probe::get, condition::test);
    }

    /**
     * Polls until the value satisfies the condition or the timeout passes, and returns the last value read either
     * way: for callers that assert on it themselves with a better message, or that expect the condition may not come.
     */
    public static <T> T latest(String what, Supplier<T> probe, Predicate<T> condition, Duration timeout) {
        if (timeout.compareTo(POLL) <= 0) {
            return probe.get(); // e.g. TopicProbe.await(.., Duration.ZERO): what is there now
        }
        try {
            return value(what, probe, condition, timeout);
        } catch (ConditionTimeoutException e) {
            return probe.get();
        }
    }

    /** Polls until the condition holds. */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        await(what).atMost(timeout).pollDelay(Duration.ZERO)
                .until(condition::getAsBoolean);
    }

    /** Checks that the value satisfies the condition all through the period, e.g. that nothing is sent meanwhile. */
    public static <T> void holds(String what, Supplier<T> probe, Predicate<T> condition, Duration period) {
        await(what).during(period).atMost(period.plusSeconds(5))
                .until(probe::get, condition::test);
    }

    private Eventually() {
    }
}
