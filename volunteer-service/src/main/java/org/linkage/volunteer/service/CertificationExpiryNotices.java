package org.linkage.volunteer.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.chassis.time.DistrictConfig;
import org.linkage.chassis.timer.DueWork;
import org.linkage.volunteer.config.CertificationConfig;
import org.linkage.volunteer.domain.Certification;
import org.linkage.volunteer.mapping.CertificationMapper;
import org.linkage.volunteer.repository.CertificationRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Tells volunteers (through CertificationExpiring / CertificationExpired) that a verified certification is about
 * to expire or has expired. The notice timestamps on each row are the timer state: every run sends whatever is
 * due and not yet sent, so a missed day is caught up and nothing is sent twice.
 */
@ApplicationScoped
public class CertificationExpiryNotices {

    private static final DueWork BATCHES = DueWork.batchesOf(200);

    private final CertificationRepository certifications;
    private final Outbox outbox;
    private final CertificationConfig config;
    private final DistrictConfig district;

    CertificationExpiryNotices(CertificationRepository certifications, Outbox outbox, CertificationConfig config,
                               DistrictConfig district) {
        this.certifications = certifications;
        this.outbox = outbox;
        this.config = config;
        this.district = district;
    }

    @Scheduled(identity = "certification-expiry-notices", cron = "${linkage.jobs.certification-expiry.cron}",
            timeZone = "${linkage.district.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        sendDue(district.today());
    }

    /** @return how many notices were published */
    public int sendDue(LocalDate today) {
        // Expired first: a certification found already past expiry gets only the expired notice.
        int expired = BATCHES.drain(limit -> announceExpired(today, limit));
        return expired + BATCHES.drain(limit -> announceExpiring(today, limit));
    }

    private int announceExpired(LocalDate today, int limit) {
        Instant now = Instant.now();
        List<Certification> expired = certifications.lockExpiredUnannounced(today, limit);
        expired.forEach(certification -> {
            certification.expiredNotifiedAt = now;
            outbox.publish(CertificationMapper.toExpired(certification));
        });
        return expired.size();
    }

    private int announceExpiring(LocalDate today, int limit) {
        Instant now = Instant.now();
        List<Certification> expiring = certifications.lockExpiringUnannounced(today,
                today.plusDays(config.expiringNoticeDays()), limit);
        expiring.forEach(certification -> {
            certification.expiringNotifiedAt = now;
            outbox.publish(CertificationMapper.toExpiring(certification));
        });
        return expiring.size();
    }
}
