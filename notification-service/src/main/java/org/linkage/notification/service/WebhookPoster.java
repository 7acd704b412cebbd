package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.config.WebhookConfig;
import org.linkage.notification.domain.WebhookAttempt;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** POSTs one delivery, signed, and records how it went; any 2xx means received. */
@ApplicationScoped
public class WebhookPoster {

    public static final String EVENT_ID_HEADER = "Linkage-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Linkage-Event-Type";
    public static final String DELIVERY_ID_HEADER = "Linkage-Delivery-Id";

    private final Duration timeout;
    private final HttpClient client;

    WebhookPoster(WebhookConfig config) {
        this.timeout = config.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public WebhookAttempt post(WebhookSubscription subscription, WebhookDelivery delivery) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = DatabaseClock.now();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(subscription.secret,
                            attempt.attemptedAt.getEpochSecond(), delivery.body))
                    .header(EVENT_ID_HEADER, delivery.eventId.toString())
                    .header(EVENT_TYPE_HEADER, delivery.eventType)
                    .header(DELIVERY_ID_HEADER, delivery.id.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            attempt.statusCode = response.statusCode();
            if (!attempt.succeeded()) {
                attempt.error = "answered " + response.statusCode() + ": " + abbreviate(response.body());
            }
        } catch (IOException e) {
            attempt.error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.error = "interrupted while posting";
        }
        attempt.durationMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return attempt;
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
