package org.linkage.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.config.DeliveryConfig;
import org.linkage.notification.domain.Delivery;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.repository.DeliveryRepository;
import org.linkage.notification.repository.NotificationRepository;
import org.linkage.notification.service.push.PushDelivery;
import org.linkage.notification.service.push.PushException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due email, SMS and push deliveries, batch by batch (see {@link DueRows}): at once when a transaction that
 * wrote one due now commits ({@link Due}), and every poll interval whatever is due by then (escalation steps, retries,
 * what a replica wrote before it stopped).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    /**
     * Fired in a transaction that wrote a delivery due now: once it commits, the dispatcher sends what is due on a
     * thread of its own instead of at the next poll, up to a poll interval later (a second by default, where a push
     * should take tens of milliseconds). Only a hint: the row is what is durable, and if this replica stops before
     * sending it, the poll of any replica sends it.
     */
    public record Due() {
        public static final Due NOW = new Due();
    }

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /** One thread drains on wake-ups; wake-ups while it drains make one more drain, not one each. */
    private final ExecutorService waker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "delivery-wake-up");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Mailer mailer;
    private final SmsGateway sms;
    private final PushDelivery push;
    private final DeliveryConfig config;
    private final RetryPolicy retries;
    private final NotificationMetrics metrics;

    DeliveryDispatcher(DeliveryRepository deliveries, NotificationRepository notifications, Mailer mailer,
                       SmsGateway sms, PushDelivery push, DeliveryConfig config, NotificationMetrics metrics) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.mailer = mailer;
        this.sms = sms;
        this.push = push;
        this.config = config;
        this.metrics = metrics;
        this.retries = new RetryPolicy(config.maxAttempts(), config.firstRetryAfter(), config.longestRetryAfter(),
                config.jitter());
    }

    @Scheduled(every = "${linkage.delivery.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        DueRows.drain(config.batchSize(), this::dispatchBatch);
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                waker.execute(this::wokenUp);
            } catch (RejectedExecutionException stopping) {
                wakeUpPending.set(false);
            }
        }
    }

    private void wokenUp() {
        wakeUpPending.set(false);
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf("Sending due deliveries at once failed, the next poll sends them: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
    }

    private int dispatchBatch() {
        List<Delivery> due = deliveries.lockDue(Instant.now(), config.batchSize());
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(Delivery delivery) {
        Notification notification = notifications.findById(delivery.notificationId);
        delivery.attempts++;
        try {
            switch (delivery.channel) {
                case EMAIL -> mailer.send(Mail.withText(delivery.destination, notification.title, notification.body));
                case SMS -> {
                    SmsGateway.Accepted accepted = sms.send(delivery.destination, notification.kind,
                            notification.data, delivery.id);
                    delivery.provider = accepted.provider();
                    delivery.providerMessageId = accepted.messageId();
                }
                case PUSH -> push.send(delivery, notification);
                case IN_APP -> throw new IllegalStateException("the inbox needs no delivery");
            }
            delivery.status = DeliveryStatus.SENT;
            delivery.sentAt = DatabaseClock.now();
            delivery.lastError = null;
            metrics.count(NotificationService.tag(delivery.channel), NotificationMetrics.Outcome.SENT);
        } catch (PushException e) {
            if (e.outcome() == PushException.Outcome.RETRY) {
                failed(delivery, e, e.retryAfter());
            } else {
                // The token is gone (its device removed with it) or the device is: retrying cannot help.
                delivery.lastError = e.getMessage();
                giveUp(delivery);
            }
        } catch (SmsGateway.SmsRefused e) {
            // A bad number, a template the notification cannot fill, the number's daily limit: never retried.
            delivery.lastError = e.getMessage();
            giveUp(delivery);
        } catch (SmsGateway.SmsDeferred e) {
            // The number's limit at the provider: tried again once it allows, not sooner and not elsewhere.
            delivery.lastError = e.getMessage();
            if (delivery.attempts < config.maxAttempts()) {
                delivery.nextAttemptAt = Instant.now().plus(e.waitFor());
            } else {
                giveUp(delivery);
            }
            LOG.infof("SMS delivery %s deferred: %s", delivery.id, e.getMessage());
        } catch (SmsGateway.SmsException e) {
            failed(delivery, e, e.retryAfter());
        } catch (RuntimeException e) {
            failed(delivery, e, Optional.empty());
        }
        if (delivery.status != DeliveryStatus.PENDING) {
            notification.forgetSecrets();
        }
    }

    /** Retried by the policy; not before the receiver's Retry-After when it gave one. */
    private void failed(Delivery delivery, RuntimeException e, Optional<Duration> retryAfter) {
        delivery.lastError = e.getMessage() == null ? e.toString() : e.getMessage();
        Instant now = Instant.now();
        retries.nextAttempt(delivery.attempts, now).ifPresentOrElse(
                next -> delivery.nextAttemptAt = retryAfter.map(now::plus).filter(next::isBefore).orElse(next),
                () -> giveUp(delivery));
        LOG.warnf("%s delivery %s failed (attempt %d, now %s): %s", delivery.channel, delivery.id,
                delivery.attempts, delivery.status, delivery.lastError);
    }

    private void giveUp(Delivery delivery) {
        delivery.status = DeliveryStatus.FAILED;
        metrics.count(NotificationService.tag(delivery.channel), NotificationMetrics.Outcome.FAILED);
    }
}
