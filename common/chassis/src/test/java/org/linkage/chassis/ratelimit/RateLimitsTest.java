package org.linkage.chassis.ratelimit;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitsTest {

    @Test
    void aBurstPassesThenTheBucketRefillsSteadily() {
        var clock = new MutableClock();
        RateLimits limits = new RateLimits(clock);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, limits.acquire("raise-need", 6, "sw-liu"));
        }
        long retryAfter = limits.acquire("raise-need", 6, "sw-liu");
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "one call per 10 s refills: " + retryAfter);
        assertEquals(0, limits.acquire("raise-need", 6, "sw-wang"), "each caller has their own budget");
        clock.advance(10_000);
        assertEquals(0, limits.acquire("raise-need", 6, "sw-liu"));
        assertTrue(limits.acquire("raise-need", 6, "sw-liu") > 0);
    }

    static final class MutableClock extends java.time.Clock {
        private long millis = 1_000_000;

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
