package org.linkage.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.chassis.timer.DueWork;
import org.linkage.notification.config.WebhookConfig;
import org.linkage.notification.domain.WebhookAttempt;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;
import org.linkage.notification.repository.WebhookAttemptRepository;
import org.linkage.notification.repository.WebhookDeliveryRepository;
import org.linkage.notification.repository.WebhookSubscriptionRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** POSTs due webhook deliveries, batch by batch (see {@link DueWork}), and records every attempt. */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /**
     * Posting happens inside the transaction: a slow receiver must not make it time out after deliveries went out,
     * which would roll back their SENT status and post them again.
     */
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(10);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookAttemptRepository attempts;
    private final WebhookPoster poster;
    private final NotificationMetrics metrics;
    private final WebhookConfig config;
    private final RetryPolicy retries;
    private final DueWork batches;

    WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
                      WebhookAttemptRepository attempts, WebhookPoster poster, NotificationMetrics metrics,
                      WebhookConfig config) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.poster = poster;
        this.metrics = metrics;
        this.config = config;
        this.retries = new RetryPolicy(config.maxAttempts(), config.firstRetryAfter(), config.longestRetryAfter(),
                config.jitter());
        this.batches = DueWork.batchesOf(config.batchSize()).timeout(BATCH_TIMEOUT);
    }

    @Scheduled(every = "${linkage.webhook.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        batches.drain(this::dispatchBatch);
    }

    private int dispatchBatch(int limit) {
        List<WebhookDelivery> due = deliveries.lockDue(Instant.now(), limit);
        due.forEach(this::attempt);
        return due.size();
    }

    private void attempt(WebhookDelivery delivery) {
        WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId);
        WebhookAttempt attempt = poster.post(subscription, delivery);
        attempts.persist(attempt);
        delivery.attempts++;
        if (attempt.succeeded()) {
            delivery.sent(DatabaseClock.now());
            metrics.count(NotificationMetrics.WEBHOOK, NotificationMetrics.Outcome.SENT);
            return;
        }
        if (delivery.failed(attempt.error, retries.nextAttempt(delivery.attempts, Instant.now()))) {
            metrics.count(NotificationMetrics.WEBHOOK, NotificationMetrics.Outcome.FAILED);
        }
        LOG.warnf("Webhook delivery %s of %s to %s failed (attempt %d, now %s): %s", delivery.id, delivery.eventType,
                subscription.url, delivery.attempts, delivery.status, delivery.lastError);
    }
}
