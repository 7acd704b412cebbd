package org.linkage.activity.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.NeedSeries;
import org.linkage.activity.repository.NeedSeriesRepository;
import org.linkage.chassis.timer.DueWork;

import java.time.Instant;
import java.util.List;

/**
 * Raises the occurrences of recurring needs as they fall due. The series rows are the timers, so a restart or a
 * missed run catches up, and replicas never raise one occurrence twice.
 */
@ApplicationScoped
public class NeedRecurrenceJob {

    /** Until none is due: a series several occurrences behind is taken again for each. */
    private static final DueWork BATCHES = DueWork.batchesOf(100).untilEmpty();

    private final NeedSeriesRepository series;
    private final NeedService needs;

    NeedRecurrenceJob(NeedSeriesRepository series, NeedService needs) {
        this.series = series;
        this.needs = needs;
    }

    @Scheduled(identity = "need-recurrence", every = "${linkage.jobs.need-recurrence.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        raiseDue(Instant.now());
    }

    /** @return how many occurrences were raised */
    public int raiseDue(Instant now) {
        return BATCHES.drain(limit -> raiseBatch(now, limit));
    }

    private int raiseBatch(Instant now, int limit) {
        List<NeedSeries> due = series.lockDue(now, limit);
        due.forEach(needs::raiseNextOccurrence);
        return due.size();
    }
}
