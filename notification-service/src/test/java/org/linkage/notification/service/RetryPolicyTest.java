package org.linkage.notification.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-05T06:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofSeconds(10), Duration.ofSeconds(60), 0);

    @Test
    void eachRetryWaitsTwiceAsLongAsTheOneBefore() {
        assertEquals(Optional.of(NOW.plusSeconds(10)), POLICY.nextAttempt(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(20)), POLICY.nextAttempt(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(40)), POLICY.nextAttempt(3, NOW));
    }

    @Test
    void theWaitIsCapped() {
        assertEquals(Optional.of(NOW.plusSeconds(60)), POLICY.nextAttempt(4, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)),
                new RetryPolicy(100, Duration.ofSeconds(10), Duration.ofSeconds(60), 0).nextAttempt(99, NOW));
    }

    @Test
    void afterTheLastAttemptThereIsNoOther() {
        assertEquals(Optional.of(NOW.plusSeconds(60)), POLICY.nextAttempt(5, NOW));
        assertEquals(Optional.empty(), POLICY.nextAttempt(6, NOW));
    }

    @Test
    void jitterAddsUpToItsShareOfTheDelayAndNeverUndoesTheDoubling() {
        RetryPolicy jittered = new RetryPolicy(6, Duration.ofSeconds(10), Duration.ofSeconds(60), 0.5);
        assertEquals(Optional.of(NOW.plusSeconds(10)), jittered.nextAttempt(1, NOW, 0));
        assertEquals(Optional.of(NOW.plusMillis(12_500)), jittered.nextAttempt(1, NOW, 0.5));
        assertEquals(Optional.of(NOW.plusMillis(22_500)), jittered.nextAttempt(2, NOW, 0.25));
        for (int i = 0; i < 100; i++) {
            Instant first = jittered.nextAttempt(1, NOW).orElseThrow();
            Instant second = jittered.nextAttempt(2, NOW).orElseThrow();
            assertTrue(!first.isBefore(NOW.plusSeconds(10)) && first.isBefore(NOW.plusSeconds(15)), first.toString());
            assertTrue(!second.isBefore(NOW.plusSeconds(20)) && second.isBefore(NOW.plusSeconds(30)), second.toString());
        }
    }
}
