package org.linkage.notification.service.push;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.InterruptionLevel;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.notification.config.PushConfig;
import org.linkage.notification.domain.PushRoute;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * APNs over HTTP/2 with token (.p8) authentication, through Pushy. One client for the whole process, built on the
 * first push: it keeps its connection open and signs a new provider token only every 50 minutes, as Apple requires
 * (a client per push would be refused with TooManyProviderTokenUpdates).
 */
@ApplicationScoped
public class ApnsSender implements PushSender {

    /** Apple's answers meaning the token will never reach the app again. */
    static final Set<String> TOKEN_GONE = Set.of("Unregistered", "BadDeviceToken", "ExpiredToken");
    /** Pushes without an offer's end are kept by APNs for a day while the phone is unreachable. */
    static final Duration DEFAULT_EXPIRY = Duration.ofDays(1);

    private final PushConfig config;
    private ApnsClient client;

    ApnsSender(PushConfig config) {
        this.config = config;
    }

    @Override
    public PushRoute route() {
        return PushRoute.APNS;
    }

    @Override
    public CompletableFuture<Void> send(String token, PushMessage message) {
        SimpleApnsPushNotification push = new SimpleApnsPushNotification(token, config.apns().topic(),
                payload(message), message.expiresAt().orElseGet(() -> Instant.now().plus(DEFAULT_EXPIRY)),
                DeliveryPriority.IMMEDIATE, PushType.ALERT, message.collapseId().orElse(null));
        ApnsClient apns;
        try {
            apns = client();
        } catch (PushException e) {
            return CompletableFuture.failedFuture(e);
        }
        return apns.sendNotification(push).orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unanswered(failure instanceof CompletionException ? failure.getCause() : failure);
                    }
                    accepted(response);
                    return null;
                });
    }

    private PushException unanswered(Throwable failure) {
        return failure instanceof TimeoutException
                ? PushException.retry("APNs did not answer within " + config.timeout(), failure)
                : PushException.retry("APNs unreachable: " + failure.getClass().getSimpleName(), failure);
    }

    private static void accepted(PushNotificationResponse<SimpleApnsPushNotification> response) {
        if (response.isAccepted()) {
            return;
        }
        String reason = response.getRejectionReason().orElse("no reason");
        if (response.getStatusCode() == 410 || TOKEN_GONE.contains(reason)) {
            throw PushException.tokenInvalid("APNs " + response.getStatusCode() + " " + reason);
        }
        throw PushException.retry("APNs refused: " + response.getStatusCode() + " " + reason);
    }

    /** The aps dictionary: alert, sound, interruption level and thread; then the deep link and the ids. */
    public static String payload(PushMessage message) {
        SimpleApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder();
        payload.setAlertTitle(message.title());
        payload.setAlertBody(message.body());
        payload.setSound(SimpleApnsPayloadBuilder.DEFAULT_SOUND_FILENAME);
        // Time-sensitive breaks through Focus and scheduled summaries (the app holds that entitlement); offers
        // that can wait are "active", the default.
        payload.setInterruptionLevel(message.urgent() ? InterruptionLevel.TIME_SENSITIVE : InterruptionLevel.ACTIVE);
        payload.setRelevanceScore(message.urgent() ? 1.0 : 0.5);
        message.collapseId().ifPresent(payload::setThreadId);
        payload.setCategoryName(message.data().get("kind"));
        message.data().forEach(payload::addCustomProperty);
        return payload.build();
    }

    private synchronized ApnsClient client() {
        if (client == null) {
            PushConfig.Apns apns = config.apns();
            try {
                ApnsClientBuilder builder = new ApnsClientBuilder().setApnsServer(apns.host(), apns.port())
                        .setSigningKey(ApnsSigningKey.loadFromInputStream(stream(apns.signingKey()), apns.teamId(),
                                apns.keyId()))
                        .setConnectionTimeout(config.timeout());
                if (apns.trustedCertificates().isPresent()) {
                    builder.setTrustedServerCertificateChain(stream(apns.trustedCertificates().get()));
                }
                client = builder.build();
            } catch (Exception e) {
                // Not the key's bytes, only what kind of problem: a misconfiguration, retried until it is fixed.
                throw PushException.retry("APNs client not configured: " + e.getClass().getSimpleName(), e);
            }
        }
        return client;
    }

    private static ByteArrayInputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
