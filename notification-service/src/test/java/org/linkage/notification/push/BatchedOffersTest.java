package org.linkage.notification.push;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.notification.Inbox;
import org.linkage.notification.event.AssignmentEventsConsumer;
import org.linkage.notification.repository.NotificationRepository;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll's offers are told in one transaction, and their pushes go out once it has committed: exactly one push and
 * one delivery per offer, none again when the same batch is delivered again, none from a batch that rolled back.
 * A batch waits only for the people its events tell. The batches are handed to the consumer as the channel hands
 * it a poll, so that they are batches for certain.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
@WithTestResource(PushTestResource.class)
class BatchedOffersTest {

    private static final String DEAD_LETTERS = Topics.deadLetter("notification-service");
    /** Offsets of a partition no Kafka consumer reads: these records reach the service only through this test. */
    private static final AtomicLong OFFSETS = new AtomicLong();

    PushFakes fakes;

    @Inject
    AssignmentEventsConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    private record Volunteer(UUID id, String token) {
    }

    private static List<Volunteer> withIphones(int count) {
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Volunteer volunteer = new Volunteer(UUID.randomUUID(), DeviceResourceTest.apnsToken());
            PushDeliveryTest.registered(volunteer.id().toString(), "IOS", "APNS", volunteer.token());
            volunteers.add(volunteer);
        }
        return volunteers;
    }

    /** One poll's records, in this order, as the channel hands them over. */
    private static ConsumerRecords<String, String> poll(List<EventEnvelope> envelopes) {
        return poll(envelopes.stream().map(EventJson::write).toList(),
                envelopes.stream().map(EventEnvelope::eventType).toList());
    }

    private static ConsumerRecords<String, String> poll(List<String> values, List<String> types) {
        TopicPartition partition = new TopicPartition(Topics.ASSIGNMENT_EVENTS, 999);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(partition.topic(), partition.partition(),
                    OFFSETS.incrementAndGet(), "need", values.get(i));
            record.headers().add("eventType", types.get(i).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return new ConsumerRecords<>(Map.of(partition, records), Map.of());
    }

    private static EventEnvelope offerTo(Volunteer volunteer) {
        return EventEnvelope.wrap(PushDeliveryTest.offer(volunteer.id(), Urgency.ROUTINE), Instant.now(), null);
    }

    private void awaitOnePushEach(List<Volunteer> volunteers) {
        for (Volunteer volunteer : volunteers) {
            List<FakeApns.Push> pushes = PushDeliveryTest.await(() -> fakes.apns().pushesTo(volunteer.token()),
                    found -> !found.isEmpty());
            assertEquals(1, pushes.size(), "one push for " + volunteer.id() + ": " + pushes);
        }
    }

    private static void assertOneSentDeliveryEach(List<Volunteer> volunteers) {
        for (Volunteer volunteer : volunteers) {
            List<Map<String, Object>> deliveries = PushDeliveryTest.await(
                    () -> PushDeliveryTest.pushDeliveries(volunteer.id().toString()),
                    found -> found.stream().noneMatch(d -> "PENDING".equals(d.get("status"))));
            assertEquals(1, deliveries.size(), deliveries.toString());
            assertEquals("SENT", deliveries.get(0).get("status"), deliveries.toString());
        }
    }

    /** The transactions (PostgreSQL's xmin) that wrote the notifications of these events. */
    private List<String> writers(List<EventEnvelope> envelopes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT DISTINCT CAST(xmin AS TEXT) FROM notification WHERE source_event_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", envelopes.stream().map(EventEnvelope::eventId)
                    .toArray()));
            List<String> transactions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    transactions.add(rows.getString(1));
                }
            }
            return transactions;
        }
    }

    @Test
    void aBatchOfOffersPushesEachOnceAndTheSameBatchAgainPushesNothing() throws SQLException {
        List<Volunteer> volunteers = withIphones(4);
        List<EventEnvelope> offers = volunteers.stream().map(BatchedOffersTest::offerTo).toList();
        ConsumerRecords<String, String> batch = poll(offers);

        consumer.consume(batch);
        awaitOnePushEach(volunteers);
        assertOneSentDeliveryEach(volunteers);
        assertEquals(1, writers(offers).size(), "the batch's notifications were written in one transaction");

        consumer.consume(batch); // redelivered, as after a rebalance before the offsets were committed
        // A later offer to the first volunteer's phone follows whatever the redelivery might have sent it.
        consumer.consume(poll(List.of(offerTo(volunteers.get(0)))));
        List<FakeApns.Push> first = PushDeliveryTest.await(() -> fakes.apns().pushesTo(volunteers.get(0).token()),
                found -> found.size() >= 2);
        assertEquals(2, first.size(), "the redelivered offer was pushed again: " + first);
        for (Volunteer volunteer : volunteers.subList(1, volunteers.size())) {
            assertEquals(1, fakes.apns().pushesTo(volunteer.token()).size(), "pushed again to " + volunteer.id());
            assertEquals(1, PushDeliveryTest.pushDeliveries(volunteer.id().toString()).size());
        }
    }

    @Test
    void aBatchThatFailsSendsNothingOfItsOwnAndOnlyThePoisonIsDeadLettered() {
        List<Volunteer> volunteers = withIphones(2);
        // Readable, so it is in the batch, but its effect fails: an offer to nobody.
        EventEnvelope poison = EventEnvelope.wrap(PushDeliveryTest.offer(null, Urgency.ROUTINE), Instant.now(), null);
        List<EventEnvelope> envelopes = List.of(offerTo(volunteers.get(0)), poison, offerTo(volunteers.get(1)));

        consumer.consume(poll(envelopes));

        awaitOnePushEach(volunteers);
        assertOneSentDeliveryEach(volunteers);
        String poisonValue = EventJson.write(poison);
        List<String> deadLettered = Eventually.value("the poison dead-lettered", () -> TopicProbe.readAll(DEAD_LETTERS)
                .stream().map(ConsumerRecord::value).toList(), found -> found.contains(poisonValue),
                Duration.ofSeconds(15));
        assertTrue(deadLettered.contains(poisonValue));
        assertEquals(List.of(), deadLettered.stream().filter(value -> envelopes.stream().filter(e -> e != poison)
                .anyMatch(e -> value.contains(e.eventId().toString()))).toList(), "only the poison dead-lettered");
    }

    /**
     * A batch locks the people its events tell until it commits, so that each person's notifications commit in
     * sequence order. Offers also name the social worker who raised the need but tell only the volunteer: their
     * batch must not wait while another transaction tells that social worker (here the test holds the lock, as such
     * a transaction would); a batch telling the social worker must.
     */
    @Test
    void aBatchWaitsOnlyForThePeopleItsEventsTell() throws Exception {
        String socialWorker = "sw-" + UUID.randomUUID();
        ExecutorService pollingThread = Executors.newSingleThreadExecutor();
        try (Connection otherTransaction = dataSource.getConnection()) {
            recipientLock(otherTransaction, "pg_advisory_lock", socialWorker);
            Future<?> told;
            try {
                List<EventEnvelope> offers = List.of(offerTo(UUID.randomUUID(), socialWorker),
                        offerTo(UUID.randomUUID(), socialWorker));
                pollingThread.submit(() -> consumer.consume(poll(offers))).get(30, TimeUnit.SECONDS);
                assertEquals(1, writers(offers).size(), "the offers told, in one transaction");

                EventEnvelope unmatched = EventEnvelope.wrap(NeedUnmatched.of(UUID.randomUUID(), socialWorker,
                        "无人接单", 1), Instant.now(), null);
                told = pollingThread.submit(() -> consumer.consume(poll(List.of(unmatched,
                        offerTo(UUID.randomUUID(), socialWorker)))));
                Eventually.until("the batch telling the social worker waits for their lock",
                        () -> waitingForRecipientLocks() > 0, Duration.ofSeconds(15));
                assertFalse(told.isDone());
                assertEquals(List.of(), Inbox.of(socialWorker));
            } finally {
                // A pooled connection keeps its session's locks: give it back without them.
                recipientLock(otherTransaction, "pg_advisory_unlock", socialWorker);
            }
            told.get(30, TimeUnit.SECONDS);
            assertEquals("NEED_UNMATCHED", Inbox.await(socialWorker, 1).get(0).get("kind"));
        } finally {
            pollingThread.shutdownNow();
        }
    }

    private static EventEnvelope offerTo(UUID volunteerId, String requestedBy) {
        return EventEnvelope.wrap(PushDeliveryTest.offer(volunteerId, Urgency.ROUTINE, requestedBy), Instant.now(),
                null);
    }

    private static void recipientLock(Connection connection, String function, String recipient) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(?, hashtext(?))")) {
            statement.setInt(1, NotificationRepository.RECIPIENT_LOCKS);
            statement.setString(2, recipient);
            statement.execute();
        }
    }

    /** Transactions waiting for a recipient's lock. */
    private long waitingForRecipientLocks() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement waiting = connection.prepareStatement("""
                     SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND NOT granted""")) {
            waiting.setInt(1, NotificationRepository.RECIPIENT_LOCKS);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
