package org.linkage.notification.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.chassis.outbound.DestinationGuard;
import org.linkage.chassis.outbound.DestinationRefused;
import org.linkage.chassis.time.DatabaseClock;
import org.linkage.notification.config.WebhookConfig;
import org.linkage.notification.domain.WebhookAttempt;
import org.linkage.notification.domain.WebhookDelivery;
import org.linkage.notification.domain.WebhookSubscription;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs one delivery, signed, and records how it went; any 2xx means received. The URL is checked again right before
 * each POST, after its name is looked up, and the connection goes to the address that was checked (the URL's host
 * still names the server for the Host header, SNI and the certificate), so a name re-pointed at an internal address
 * after subscribing reaches nothing. Redirects are not followed. What the receiver answers is read up to
 * {@link #BODY_LIMIT} bytes and dropped: an attempt records the status code and a short category, never the
 * receiver's words, since they could carry whatever an internal address answered.
 */
@ApplicationScoped
public class WebhookPoster {

    public static final String EVENT_ID_HEADER = "Linkage-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Linkage-Event-Type";
    public static final String DELIVERY_ID_HEADER = "Linkage-Delivery-Id";

    /** Bytes of an answer read (and dropped) before the connection is closed. */
    static final int BODY_LIMIT = 4096;

    private static final Logger LOG = Logger.getLogger(WebhookPoster.class);

    private final Duration timeout;
    private final DestinationGuard guard;
    private final HttpClient client;

    WebhookPoster(WebhookConfig config, DestinationGuard guard, Vertx vertx) {
        this.timeout = config.timeout();
        this.guard = guard;
        // Read timeout: RequestOptions' idle timeout, per request.
        // No pooled connections: each attempt connects to the address just checked, and a receiver's idle
        // connection closed under us would otherwise fail the next attempt (io_error) for nothing.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public WebhookAttempt post(WebhookSubscription subscription, WebhookDelivery delivery) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = DatabaseClock.now();
        long started = System.nanoTime();
        try {
            DestinationGuard.Destination destination = guard.resolve(subscription.url);
            attempt.statusCode = send(destination, subscription, delivery, attempt)
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            if (!attempt.succeeded()) {
                attempt.error = "http_" + attempt.statusCode;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.error = "interrupted";
        } catch (Exception e) {
            attempt.error = category(e);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Webhook attempt %s failed as %s: %s", attempt.id, attempt.error, causeClasses(e));
            }
        }
        attempt.durationMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return attempt;
    }

    private Future<Integer> send(DestinationGuard.Destination destination, WebhookSubscription subscription,
                                 WebhookDelivery delivery, WebhookAttempt attempt) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(
                        new InetSocketAddress(destination.address(), destination.port())))
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl(destination.tls())
                .setURI(destination.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSignature.HEADER, WebhookSignature.header(
                        subscription.signingSecrets(attempt.attemptedAt), attempt.attemptedAt.getEpochSecond(),
                        delivery.body))
                .putHeader(EVENT_ID_HEADER, delivery.eventId.toString())
                .putHeader(EVENT_TYPE_HEADER, delivery.eventType)
                .putHeader(DELIVERY_ID_HEADER, delivery.id.toString());
        return client.request(options).compose(request -> request.send(delivery.body)).compose(WebhookPoster::drain);
    }

    /** The status once the answer ended or passed the limit; its body is dropped either way. */
    private static Future<Integer> drain(HttpClientResponse response) {
        int status = response.statusCode();
        Promise<Integer> done = Promise.promise();
        AtomicLong read = new AtomicLong();
        try {
            response.handler(chunk -> {
                if (read.addAndGet(chunk.length()) > BODY_LIMIT && done.tryComplete(status)) {
                    response.request().reset();
                }
            });
            response.exceptionHandler(failure -> done.tryComplete(status));
            response.endHandler(end -> done.tryComplete(status));
        } catch (IllegalStateException alreadyRead) {
            // A short answer can end before its handlers are set (Vert.x then refuses them): it was read in full, and
            // its status is all that counts. Seen as a rare io_error for a 500 in WebhookSafetyTest.
            done.tryComplete(status);
        }
        return done.future();
    }

    /** The classes of a failure's causes, outermost first: enough to tell an io_error's kind, none of its words. */
    static String causeClasses(Throwable failure) {
        StringBuilder classes = new StringBuilder();
        for (Throwable t = failure; t != null && classes.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            classes.append(classes.isEmpty() ? "" : " < ").append(t.getClass().getName());
        }
        return classes.toString();
    }

    /** A short, fixed word for why no answer counted: the cause's own text and class stay out of the record. */
    static String category(Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof DestinationRefused) {
            return "destination_refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown_host";
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "timeout";
            }
            if (t instanceof SSLException) {
                return "tls";
            }
            if (t instanceof ConnectException) {
                return "connection_refused";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "io_error";
    }
}
