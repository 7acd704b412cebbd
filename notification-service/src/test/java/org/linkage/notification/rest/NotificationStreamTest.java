package org.linkage.notification.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.notification.Inbox;
import org.linkage.notification.StreamClient;
import org.linkage.notification.service.NotificationComposer;
import org.linkage.notification.service.NotificationDraft;
import org.linkage.notification.service.NotificationService;
import org.linkage.testing.As;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NotificationStreamTest {

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NotificationService notifications;

    /** What the listening connection has heard so far; each call waits up to half a second for more. */
    private static Supplier<List<String>> heardBy(Connection listener) {
        List<String> heard = new ArrayList<>();
        return () -> {
            try {
                PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(500);
                for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                    heard.add(notification.getParameter());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return heard;
        };
    }

    private static String needOf(StreamClient.Received event) {
        return JsonPath.from(event.data()).getString("data.needId");
    }

    /** Publishes a NeedUnmatched for the social worker and returns its need id. */
    private static UUID unmatched(String socialWorker) {
        UUID needId = UUID.randomUUID();
        Inbox.publish(NotificationResourceTest.unmatched(needId, socialWorker));
        return needId;
    }

    @Test
    void aNotificationCreatedWhileConnectedArrivesWithItsSequenceAsEventId() throws Exception {
        String socialWorker = NotificationResourceTest.socialWorker();
        String someoneElse = NotificationResourceTest.socialWorker();
        try (StreamClient client = StreamClient.open(stream, socialWorker, null)) {
            assertEquals(List.of(), client.replayed());

            UUID needId = unmatched(socialWorker);
            StreamClient.Received event = client.nextEvent();
            assertEquals("notification", event.name());
            JsonPath pushed = JsonPath.from(event.data());
            assertEquals(socialWorker, pushed.getString("recipient"));
            assertEquals("NEED_UNMATCHED", pushed.getString("kind"));
            assertEquals("需求未能匹配志愿者", pushed.getString("title"));
            assertEquals(needId.toString(), pushed.getString("data.needId"));
            Map<String, Object> stored = Inbox.await(socialWorker, 1).get(0);
            assertEquals(stored.get("id"), pushed.getString("id"));
            assertEquals(String.valueOf(stored.get("sequence")), event.id());

            unmatched(someoneElse);
            assertEquals(1, Inbox.await(someoneElse, 1).size());
            UUID next = unmatched(socialWorker);
            assertEquals(next.toString(), needOf(client.nextEvent()), "someone else's notification was pushed");
        }
    }

    @Test
    void aReconnectWithLastEventIdReplaysExactlyTheMissedNotificationsThenGoesLive() throws Exception {
        String socialWorker = NotificationResourceTest.socialWorker();
        String lastSeen;
        try (StreamClient client = StreamClient.open(stream, socialWorker, null)) {
            client.replayed();
            unmatched(socialWorker);
            lastSeen = client.nextEvent().id();
        }
        UUID missedFirst = unmatched(socialWorker);
        assertEquals(2, Inbox.await(socialWorker, 2).size());
        UUID missedSecond = unmatched(socialWorker);
        assertEquals(3, Inbox.await(socialWorker, 3).size());

        try (StreamClient client = StreamClient.open(stream, socialWorker, lastSeen)) {
            List<StreamClient.Received> replayed = client.replayed();
            assertEquals(List.of(missedFirst.toString(), missedSecond.toString()),
                    replayed.stream().map(NotificationStreamTest::needOf).toList());
            long first = Long.parseLong(replayed.get(0).id());
            long second = Long.parseLong(replayed.get(1).id());
            assertTrue(Long.parseLong(lastSeen) < first && first < second, replayed.toString());

            UUID live = unmatched(socialWorker);
            assertEquals(live.toString(), needOf(client.nextEvent()));
            assertEquals(List.of(), client.pending().stream().filter(r -> r.comment() == null).toList(),
                    "something was pushed twice");
        }
    }

    @Test
    void aNotificationCreatedOnAnotherReplicaReachesTheStreamsOpenHere() throws Exception {
        String socialWorker = NotificationResourceTest.socialWorker();
        UUID id = UUID.randomUUID();
        try (StreamClient client = StreamClient.open(stream, socialWorker, null)) {
            client.replayed();
            // What another replica's NotificationService does: insert, then NOTIFY in the same transaction.
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO notification (id, source_event_id, recipient, channel, kind, title, body,
                                                  created_at)
                        VALUES (?, ?, ?, 'IN_APP', 'NEED_UNMATCHED', '需求未能匹配志愿者', '请跟进处理。', now())""");
                     PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                    insert.setObject(1, id);
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, socialWorker);
                    insert.executeUpdate();
                    notify.setString(1, "linkage_notification_created");
                    notify.setString(2, "another-replica:" + id);
                    notify.execute();
                }
                connection.commit();
            }

            StreamClient.Received event = client.nextEvent();
            assertEquals(id.toString(), JsonPath.from(event.data()).getString("id"));
            assertEquals(socialWorker, JsonPath.from(event.data()).getString("recipient"));
        }
    }

    @Test
    void aNotificationCreatedHereIsAnnouncedToTheOtherReplicas() throws Exception {
        String socialWorker = NotificationResourceTest.socialWorker();
        // Another replica's fan-out listener, as it sees what this one inserts.
        try (Connection otherReplica = dataSource.getConnection();
             Statement statement = otherReplica.createStatement()) {
            otherReplica.setAutoCommit(true);
            statement.execute("LISTEN linkage_notification_created");
            try {
                unmatched(socialWorker);
                String id = String.valueOf(Inbox.await(socialWorker, 1).get(0).get("id"));

                List<String> heard = Eventually.latest("the announcement of " + id,
                        heardBy(otherReplica), payloads -> payloads.stream()
                                .anyMatch(payload -> payload.endsWith(":" + id)), Duration.ofSeconds(10));
                String announced = heard.stream().filter(payload -> payload.endsWith(":" + id)).findFirst()
                        .orElseThrow(() -> new AssertionError("not announced; heard " + heard));
                assertFalse(announced.startsWith(":"), "the announcement names its origin replica: " + announced);
            } finally {
                // The connection goes back to the pool: it must not go on collecting announcements there.
                statement.execute("UNLISTEN *");
            }
        }
    }

    @Test
    void aPersonsNotificationsCommitInTheOrderOfTheirSequences() throws Exception {
        String socialWorker = NotificationResourceTest.socialWorker();
        NotificationDraft draft = NotificationComposer.needUnmatched(
                NeedUnmatched.of(UUID.randomUUID(), socialWorker, "无人接单", 1));
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = threads.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                long sequence = notifications.notify(draft, UUID.randomUUID()).get(0).sequence;
                firstInserted.countDown();
                commitFirst.await();
                return sequence;
            }));
            assertTrue(firstInserted.await(10, TimeUnit.SECONDS));
            Future<Long> second = threads.submit(() -> notifications.notify(draft, UUID.randomUUID()).get(0).sequence);

            // Committing its later sequence first would let a stream resume past the first one, never to see it.
            assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS),
                    "the second committed while the first was still open");
            commitFirst.countDown();
            assertTrue(second.get(10, TimeUnit.SECONDS) > first.get(10, TimeUnit.SECONDS));
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void withoutLastEventIdNothingIsReplayed() throws Exception {
        String socialWorker = NotificationResourceTest.socialWorker();
        unmatched(socialWorker);
        assertEquals(1, Inbox.await(socialWorker, 1).size());
        try (StreamClient client = StreamClient.open(stream, socialWorker, null)) {
            assertEquals(List.of(), client.replayed());
        }
    }

    @Test
    void aStreamNeedsATokenAndAnUnreadableLastEventIdIsAProblemNamingIt() {
        given().accept("text/event-stream").get("/api/v1/notifications/stream")
                .then().statusCode(401).contentType("application/problem+json");
        As.integrator("hospital-1", "needs:write", "webhooks:manage")
                .accept("text/event-stream").get("/api/v1/notifications/stream")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://linkage.dev/problems/forbidden-role"));
        Inbox.as("sw-zhang").accept("application/json").get("/api/v1/notifications/stream")
                .then().statusCode(406).contentType("application/problem+json");
        Inbox.as("sw-zhang").accept("text/event-stream").header("Last-Event-ID", "abc")
                .get("/api/v1/notifications/stream")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("Last-Event-ID"))
                .body("status", equalTo(400));
    }
}
