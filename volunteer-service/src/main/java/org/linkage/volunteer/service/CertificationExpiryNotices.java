package org.linkage.volunteer.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.outbox.Outbox;
import org.linkage.volunteer.config.CertificationConfig;
import org.linkage.volunteer.config.DistrictConfig;
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

    private static final int BATCH = 200;

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
            timeZone = "${linkage.district.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        sendDue(district.today());
    }

    /** @return how many notices were published */
    public int sendDue(LocalDate today) {
        int sent = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> sendBatch(today));
            sent += batch;
        } while (batch > 0);
        return sent;
    }

    private int sendBatch(LocalDate today) {
        Instant now = Instant.now();
        // Expired first: a certification found already past expiry gets only the expired notice.
        List<Certification> expired = certifications.lockExpiredUnannounced(today, BATCH);
        expired.forEach(certification -> {
            certification.expiredNotifiedAt = now;
            outbox.publish(CertificationMapper.toExpired(certification));
        });
        List<Certification> expiring = certifications.lockExpiringUnannounced(today,
                today.plusDays(config.expiringNoticeDays()), BATCH);
        expiring.forEach(certification -> {
            certification.expiringNotifiedAt = now;
            outbox.publish(CertificationMapper.toExpiring(certification));
        });
        return expired.size() + expiring.size();
    }
}
