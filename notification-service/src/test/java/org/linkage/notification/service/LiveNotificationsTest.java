package org.linkage.notification.service;

import org.junit.jupiter.api.Test;
import org.linkage.chassis.security.LoginLease;
import org.linkage.notification.domain.Notification;
import org.linkage.testing.Eventually;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LiveNotificationsTest {

    /** Where the replay ended, among the sequences pushed. */
    private static final long LIVE = -1;

    private static Notification notification(String recipient, long sequence) {
        Notification notification = new Notification();
        notification.recipient = recipient;
        notification.sequence = sequence;
        return notification;
    }

    /** Records what it is sent; {@code open} false plays a client that left. */
    private static final class RecordingStream implements LiveNotifications.Stream {
        final List<Long> pushed = new ArrayList<>();
        boolean open = true;

        @Override
        public boolean push(Notification notification) {
            pushed.add(notification.sequence);
            return open;
        }

        @Override
        public boolean wentLive() {
            pushed.add(LIVE);
            return open;
        }

        @Override
        public boolean ping() {
            return open;
        }

        @Override
        public void end(String reason) {
            ended = reason;
        }

        String ended;
    }

    private static final LoginLease AN_HOUR = new LoginLease("https://linkage.dev/dev-issuer", "sw-zhang", null, null,
            Instant.now().plus(Duration.ofHours(1)));

    @Test
    void whatArrivesDuringTheReplayFollowsItOnceAndInOrder() {
        LiveNotifications live = new LiveNotifications((lease, now) -> true);
        RecordingStream stream = new RecordingStream();
        LiveNotifications.Subscription subscription = live.subscribe("sw-zhang", AN_HOUR, stream);

        // 12 committed before the replay read the missed ones, 13 after: 12 is in both.
        live.onCreated(new NotificationCreated(notification("sw-zhang", 12)));
        live.onCreated(new NotificationCreated(notification("sw-zhang", 13)));
        live.onCreated(new NotificationCreated(notification("sw-li", 14)));
        assertEquals(List.of(), stream.pushed, "nothing goes out before the replay");

        subscription.replayThenGoLive(List.of(notification("sw-zhang", 11), notification("sw-zhang", 12)));
        live.onCreated(new NotificationCreated(notification("sw-zhang", 15)));

        assertEquals(List.of(11L, 12L, 13L, LIVE, 15L), stream.pushed);
    }

    @Test
    void aStreamWhoseClientLeftIsDropped() {
        LiveNotifications live = new LiveNotifications((lease, now) -> true);
        RecordingStream stream = new RecordingStream();
        live.subscribe("sw-zhang", AN_HOUR, stream).replayThenGoLive(List.of());
        assertEquals(1, live.openStreams());

        stream.open = false;
        live.keepAlive();

        assertEquals(0, live.openStreams());
        live.onCreated(new NotificationCreated(notification("sw-zhang", 1)));
        assertEquals(List.of(LIVE), stream.pushed);
    }

    @Test
    void aStreamEndsWhenItsTokenExpiresSayingSo() {
        LiveNotifications live = new LiveNotifications((lease, now) -> !lease.expired(now));
        RecordingStream stream = new RecordingStream();
        LoginLease shortLived = new LoginLease("https://linkage.dev/dev-issuer", "sw-zhang", null, null,
                Instant.now().plusMillis(200));
        live.subscribe("sw-zhang", shortLived, stream).replayThenGoLive(List.of());

        Eventually.value("the stream's end", () -> stream.ended, "token-expired"::equals, Duration.ofSeconds(5));
        assertEquals(0, live.openStreams());
        live.onCreated(new NotificationCreated(notification("sw-zhang", 1)));
        assertEquals(List.of(LIVE), stream.pushed, "nothing is sent after the end");
    }

    @Test
    void aStreamEndsAtTheKeepAliveAfterItsLoginWasUnlinkedOrItsVolunteerBlocked() {
        AtomicBoolean linked = new AtomicBoolean(true);
        LiveNotifications live = new LiveNotifications((lease, now) -> linked.get());
        RecordingStream stream = new RecordingStream();
        live.subscribe("sw-zhang", AN_HOUR, stream).replayThenGoLive(List.of());
        live.keepAlive();
        assertEquals(1, live.openStreams());

        linked.set(false);
        live.keepAlive();

        assertEquals("access-ended", stream.ended);
        assertEquals(0, live.openStreams());
    }
}
