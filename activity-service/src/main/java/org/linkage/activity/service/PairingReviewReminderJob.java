package org.linkage.activity.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.activity.config.PairingsConfig;
import org.linkage.activity.domain.Pairing;
import org.linkage.activity.repository.BeneficiaryRepository;
import org.linkage.activity.repository.PairingRepository;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.timer.DueWork;
import org.linkage.events.pairing.PairingReviewDue;

import java.time.LocalDate;
import java.util.List;

/**
 * Reminds the child's responsible social worker of a pairing's periodic review a week (linkage.pairings.
 * review-reminder-lead) before it falls due, or at once when it is already overdue. The pairing row is the timer: it
 * remembers the due date it was reminded of, so a restart catches up, replicas never remind twice, and a review that
 * sets the next date arms the next reminder.
 */
@ApplicationScoped
public class PairingReviewReminderJob {

    private static final DueWork BATCHES = DueWork.batchesOf(100);

    private final PairingRepository pairings;
    private final BeneficiaryRepository beneficiaries;
    private final Outbox outbox;
    private final PairingsConfig config;
    private final DistrictConfig district;

    PairingReviewReminderJob(PairingRepository pairings, BeneficiaryRepository beneficiaries, Outbox outbox,
                             PairingsConfig config, DistrictConfig district) {
        this.pairings = pairings;
        this.beneficiaries = beneficiaries;
        this.outbox = outbox;
        this.config = config;
        this.district = district;
    }

    @Scheduled(identity = "pairing-review-reminders", every = "${linkage.jobs.pairing-review-reminders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        remindDue(district.today());
    }

    /** @return how many reminders went out */
    public int remindDue(LocalDate today) {
        LocalDate by = today.plus(config.reviewReminderLead());
        return BATCHES.drain(limit -> remindBatch(by, limit));
    }

    private int remindBatch(LocalDate by, int limit) {
        List<Pairing> due = pairings.lockReviewsDue(by, limit);
        for (Pairing pairing : due) {
            pairing.reviewRemindedFor = pairing.nextReviewOn;
            String socialWorker = beneficiaries.findById(pairing.beneficiaryId).socialWorkerId;
            outbox.publish(PairingReviewDue.of(pairing.id, socialWorker, pairing.nextReviewOn));
        }
        return due.size();
    }
}
