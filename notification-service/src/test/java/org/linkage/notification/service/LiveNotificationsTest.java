package org.linkage.notification.service;

import org.junit.jupiter.api.Test;
import org.linkage.notification.domain.Notification;

import java.util.ArrayList;
import java.util.List;

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
    }

    @Test
    void whatArrivesDuringTheReplayFollowsItOnceAndInOrder() {
        LiveNotifications live = new LiveNotifications();
        RecordingStream stream = new RecordingStream();
        LiveNotifications.Subscription subscription = live.subscribe("sw-zhang", stream);

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
        LiveNotifications live = new LiveNotifications();
        RecordingStream stream = new RecordingStream();
        live.subscribe("sw-zhang", stream).replayThenGoLive(List.of());
        assertEquals(1, live.openStreams());

        stream.open = false;
        live.keepAlive();

        assertEquals(0, live.openStreams());
        live.onCreated(new NotificationCreated(notification("sw-zhang", 1)));
        assertEquals(List.of(LIVE), stream.pushed);
    }
}
