package org.linkage.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.chassis.outbound.DestinationGuard;
import org.linkage.chassis.outbound.DestinationRefused;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.config.WebhookConfig;
import org.linkage.notification.domain.WebhookAttempt;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.UUID;

/**
 * POSTs one delivery, signed, and records how it went; any 2xx means received. The destination is checked again
 * before every attempt, after its name is looked up (an address that became private or loopback is refused), no
 * redirect is followed, and the answer's body is never read: an attempt's error is a status or a short category,
 * never what the target said.
 */
@ApplicationScoped
public class WebhookPoster {

    public static final String EVENT_ID_HEADER = "Linkage-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Linkage-Event-Type";
    public static final String DELIVERY_ID_HEADER = "Linkage-Delivery-Id";

    private final Duration timeout;
    private final HttpClient client;
    private final DestinationGuard guard;

    WebhookPoster(WebhookConfig config, DestinationGuard guard) {
        this.guard = guard;
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
            DestinationGuard.Destination destination = guard.resolve(subscription.url);
            HttpRequest request = HttpRequest.newBuilder(destination.uri())
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(subscription.secret,
                            attempt.attemptedAt.getEpochSecond(), delivery.body))
                    .header(EVENT_ID_HEADER, delivery.eventId.toString())
                    .header(EVENT_TYPE_HEADER, delivery.eventType)
                    .header(DELIVERY_ID_HEADER, delivery.id.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            attempt.statusCode = response.statusCode();
            if (!attempt.succeeded()) {
                attempt.error = "http_" + response.statusCode();
            }
        } catch (DestinationRefused e) {
            attempt.error = "destination_refused";
        } catch (UnknownHostException e) {
            attempt.error = "unknown_host";
        } catch (HttpTimeoutException e) {
            attempt.error = "timeout";
        } catch (ConnectException e) {
            attempt.error = "connection_refused";
        } catch (SSLException e) {
            attempt.error = "tls";
        } catch (IOException e) {
            attempt.error = "io_error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.error = "interrupted";
        }
        attempt.durationMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return attempt;
    }
}
