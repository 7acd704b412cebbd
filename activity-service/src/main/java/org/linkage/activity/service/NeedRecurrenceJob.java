package org.linkage.activity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.domain.NeedSeries;
import org.linkage.activity.repository.NeedSeriesRepository;

import java.time.Instant;
import java.util.List;

/**
 * Raises the occurrences of recurring needs as they fall due. The series rows are the timers, so a restart or a
 * missed run catches up, and replicas never raise one occurrence twice.
 */
@ApplicationScoped
public class NeedRecurrenceJob {

    private static final int BATCH = 100;

    private final NeedSeriesRepository series;
    private final NeedService needs;

    NeedRecurrenceJob(NeedSeriesRepository series, NeedService needs) {
        this.series = series;
        this.needs = needs;
    }

    @Scheduled(identity = "need-recurrence", every = "${linkage.jobs.need-recurrence.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        raiseDue(Instant.now());
    }

    /** @return how many occurrences were raised */
    public int raiseDue(Instant now) {
        int raised = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> raiseBatch(now));
            raised += batch;
        } while (batch > 0);
        return raised;
    }

    private int raiseBatch(Instant now) {
        List<NeedSeries> due = series.lockDue(now, BATCH);
        due.forEach(needs::raiseNextOccurrence);
        return due.size();
    }
}
