package org.linkage.notification.service.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.config.SmsConfig;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.repository.DeliveryRepository;

import java.util.List;

/** What the providers report about the messages they accepted: delivered, or not. */
@ApplicationScoped
public class SmsDeliveryReports {

    private static final Logger LOG = Logger.getLogger(SmsDeliveryReports.class);
    private static final int LONGEST_REASON = 500;

    /** One report: the provider's message id, whether the phone received it, and if not why. */
    public record Report(String messageId, boolean delivered, String reason) {
    }

    private final DeliveryRepository deliveries;

    SmsDeliveryReports(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Marks each reported delivery DELIVERED or FAILED. Idempotent: a delivery already DELIVERED stays so (a late
     * or repeated failure report does not undo a receipt); reports for messages this service did not send are
     * ignored, so the provider stops repeating them.
     */
    @Transactional
    public void record(SmsConfig.Provider provider, List<Report> reports) {
        for (Report report : reports) {
            Delivery delivery = deliveries.findByProviderMessage(provider.name(), report.messageId());
            if (delivery == null) {
                LOG.infof("%s reported on unknown message %s; ignored", provider, report.messageId());
                continue;
            }
            if (delivery.status == DeliveryStatus.DELIVERED) {
                continue;
            }
            if (report.delivered()) {
                delivery.status = DeliveryStatus.DELIVERED;
                delivery.deliveredAt = DatabaseClock.now();
                delivery.lastError = null;
            } else {
                delivery.status = DeliveryStatus.FAILED;
                String reason = provider + " reported it undelivered: " + report.reason().strip();
                delivery.lastError = reason.length() <= LONGEST_REASON ? reason : reason.substring(0, LONGEST_REASON);
            }
        }
    }
}
