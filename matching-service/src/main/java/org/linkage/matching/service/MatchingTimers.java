package org.linkage.matching.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Fires the timers kept in the database: offers past their expiry, emergencies due to widen,
 * needs whose deadline is near. The due time is a
 * column, so a timer set before a restart, or by another replica, fires all the same.
 */
@ApplicationScoped
public class MatchingTimers {

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
        // One timer per transaction, so that replicas sharing the work each lock only what they are firing.
        boolean fired = true;
        while (fired) {
            fired = matching.expireNextDueOffer(now) | matching.widenNextDueEmergency(now)
                    | matching.escalateNextDueNeed(now);
        }
    }
}
