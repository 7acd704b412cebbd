package org.linkage.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.linkage.chassis.security.IdentityChanged;
import org.linkage.chassis.security.IdentityProjection;
import org.linkage.chassis.security.LoginLease;
import org.linkage.notification.domain.Notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * The open streams of this replica, by recipient. A notification is pushed in-process once its transaction
 * committed; no database polling is involved. Streams open on other replicas get it through
 * {@link NotificationFanOut}.
 */
@ApplicationScoped
public class LiveNotifications {

    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);

    private final Map<String, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();
    /** Ends each stream when its token expires. */
    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stream-expiry");
        thread.setDaemon(true);
        return thread;
    });
    /** Whether a stream's lease still holds (IdentityProjection#stillValid). */
    private final BiPredicate<LoginLease, Instant> leaseHolds;

    @Inject
    LiveNotifications(IdentityProjection identities) {
        this(identities::stillValid);
    }

    LiveNotifications(BiPredicate<LoginLease, Instant> leaseHolds) {
        this.leaseHolds = leaseHolds;
    }

    @PreDestroy
    void stop() {
        expiries.shutdownNow();
    }

    /**
     * Starts holding back the recipient's new notifications until {@link Subscription#replayThenGoLive} is called,
     * so that nothing committed while the missed ones are read falls between replay and live push. The stream ends
     * when the lease does: its token expires, or the login is unlinked or its volunteer blocked.
     */
    public Subscription subscribe(String recipient, LoginLease lease, Stream stream) {
        Subscription subscription = new Subscription(recipient, lease, stream);
        subscriptions.computeIfAbsent(recipient, key -> ConcurrentHashMap.newKeySet()).add(subscription);
        long delay = Math.max(0, Duration.between(Instant.now(), lease.expiresAt()).toMillis());
        try {
            expiries.schedule(() -> subscription.end("token-expired"), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            subscription.end("stopping");
        }
        return subscription;
    }

    /**
     * This replica's projection learnt that the volunteer's link or access changed: their streams check at once.
     * Streams on other replicas find out at their next keep-alive.
     */
    void identityChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) IdentityChanged changed) {
        subscriptions.getOrDefault(changed.volunteerId().toString(), Set.of()).forEach(this::recheck);
    }

    private void recheck(Subscription subscription) {
        try {
            if (!leaseHolds.test(subscription.lease, Instant.now())) {
                subscription.end(subscription.lease.expired(Instant.now()) ? "token-expired" : "access-ended");
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not check stream of %s again, checked at the next keep-alive: %s",
                    subscription.recipient, e.toString());
        }
    }

    /** How many streams are open on this replica. */
    public int openStreams() {
        return subscriptions.values().stream().mapToInt(Set::size).sum();
    }

    /** Keeps idle connections open through proxies, and finds the streams whose client left. */
    @Scheduled(every = "${linkage.stream.keep-alive}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void keepAlive() {
        subscriptions.values().forEach(open -> open.forEach(subscription -> {
            recheck(subscription);
            subscription.ping();
        }));
    }

    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        push(created.notification());
    }

    /** To this replica's open streams of the notification's recipient. */
    void push(Notification notification) {
        subscriptions.getOrDefault(notification.recipient, Set.of())
                .forEach(subscription -> subscription.offer(notification));
    }

    private void remove(Subscription subscription) {
        subscriptions.computeIfPresent(subscription.recipient, (recipient, open) -> {
            open.remove(subscription);
            return open.isEmpty() ? null : open;
        });
    }

    public final class Subscription {

        private final String recipient;
        private final LoginLease lease;
        private final Stream stream;
        /** Null once live. */
        private List<Notification> heldBack = new ArrayList<>();
        private boolean ended;

        private Subscription(String recipient, LoginLease lease, Stream stream) {
            this.recipient = recipient;
            this.lease = lease;
            this.stream = stream;
        }

        /** Tells the client why (an {@code end} event) and closes the connection. */
        synchronized void end(String reason) {
            if (ended) {
                return;
            }
            ended = true;
            close();
            stream.end(reason);
        }

        /**
         * Sends the missed notifications, then what arrived meanwhile and was not among them, then tells the stream
         * that what follows is live.
         */
        public synchronized void replayThenGoLive(List<Notification> missed) {
            Set<Long> replayed = new HashSet<>();
            for (Notification notification : missed) {
                send(notification);
                replayed.add(notification.sequence);
            }
            heldBack.stream().filter(notification -> !replayed.contains(notification.sequence)).forEach(this::send);
            heldBack = null;
            if (!stream.wentLive()) {
                close();
            }
        }

        public void close() {
            remove(this);
        }

        private synchronized void offer(Notification notification) {
            if (ended) {
                return;
            }
            if (heldBack != null) {
                heldBack.add(notification);
            } else {
                send(notification);
            }
        }

        private void send(Notification notification) {
            if (!stream.push(notification)) {
                close();
            }
        }

        private synchronized void ping() {
            if (ended) {
                return;
            }
            if (!stream.ping()) {
                close();
            }
        }
    }

    /** Where a subscription writes; each method returns false once the client is gone. */
    public interface Stream {

        boolean push(Notification notification);

        /** Marks the end of the replay. */
        boolean wentLive();

        boolean ping();

        /** Sends a last event saying why, and closes the connection. */
        void end(String reason);
    }
}
