package org.linkage.matching.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.timer.DueWork;

import java.time.Instant;

/**
 * Fires the timers kept in the database: offers past their expiry, emergencies due to widen,
 * needs whose deadline is near. The due time is a
 * column, so a timer set before a restart, or by another replica, fires all the same.
 */
@ApplicationScoped
public class MatchingTimers {

    /** One timer per transaction, so that replicas sharing the work each lock only what they are firing. */
    private static final DueWork ONE_AT_A_TIME = DueWork.batchesOf(1);

    private final MatchingService matching;

    MatchingTimers(MatchingService matching) {
        this.matching = matching;
    }

    @Scheduled(identity = "matching-timers", every = "${linkage.matching.timer-poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // While stopping, the database is going away; the timers stay due and fire after the restart.
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fireDue() {
        Instant now = Instant.now();
        // In this order, so that what an expiry or a widening makes due fires in the same run.
        ONE_AT_A_TIME.drain(limit -> matching.expireNextDueOffer(now) ? 1 : 0);
        ONE_AT_A_TIME.drain(limit -> matching.widenNextDueEmergency(now) ? 1 : 0);
        ONE_AT_A_TIME.drain(limit -> matching.escalateNextDueNeed(now) ? 1 : 0);
    }
}
