package org.linkage.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.linkage.notification.domain.Notification;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open streams of this replica, by recipient. A notification is pushed in-process once its transaction
 * committed; no database polling is involved. Streams open on other replicas get it through
 * {@link NotificationFanOut}.
 */
@ApplicationScoped
public class LiveNotifications {

    private final Map<String, Set<Subscription>> subscriptions = new ConcurrentHashMap<>();

    /**
     * Starts holding back the recipient's new notifications until {@link Subscription#replayThenGoLive} is called,
     * so that nothing committed while the missed ones are read falls between replay and live push.
     */
    public Subscription subscribe(String recipient, Stream stream) {
        Subscription subscription = new Subscription(recipient, stream);
        subscriptions.computeIfAbsent(recipient, key -> ConcurrentHashMap.newKeySet()).add(subscription);
        return subscription;
    }

    /** How many streams are open on this replica. */
    public int openStreams() {
        return subscriptions.values().stream().mapToInt(Set::size).sum();
    }

    /** Keeps idle connections open through proxies, and finds the streams whose client left. */
    @Scheduled(every = "${linkage.stream.keep-alive}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void keepAlive() {
        subscriptions.values().forEach(open -> open.forEach(Subscription::ping));
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
        private final Stream stream;
        /** Null once live. */
        private List<Notification> heldBack = new ArrayList<>();

        private Subscription(String recipient, Stream stream) {
            this.recipient = recipient;
            this.stream = stream;
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
    }
}
