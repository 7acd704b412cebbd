package org.linkage.notification.mapping;

import org.linkage.notification.api.WebhookAttemptResponse;
import org.linkage.notification.api.WebhookDeliveryResponse;
import org.linkage.notification.api.WebhookResponse;
import org.linkage.notification.domain.WebhookAttempt;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;

import java.time.Instant;
import java.util.List;

public final class WebhookMapper {

    public static WebhookResponse toResponse(WebhookSubscription subscription) {
        Instant overlapEnds = subscription.signingSecrets(Instant.now()).size() > 1
                ? subscription.previousSecretUntil : null;
        return new WebhookResponse(subscription.id, subscription.owner, subscription.url, subscription.eventTypes,
                subscription.description, subscription.createdAt, overlapEnds);
    }

    /** @param attempts any attempts; those of this delivery are taken, in the order given */
    public static WebhookDeliveryResponse toResponse(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
        return new WebhookDeliveryResponse(delivery.id, delivery.subscriptionId, delivery.eventId, delivery.eventType,
                delivery.status, delivery.attempts, delivery.nextAttemptAt, delivery.lastError, delivery.sentAt,
                delivery.createdAt, attempts.stream()
                .filter(attempt -> attempt.deliveryId.equals(delivery.id))
                .map(attempt -> new WebhookAttemptResponse(attempt.attemptedAt, attempt.statusCode, attempt.error,
                        attempt.durationMillis))
                .toList());
    }

    private WebhookMapper() {
    }
}
