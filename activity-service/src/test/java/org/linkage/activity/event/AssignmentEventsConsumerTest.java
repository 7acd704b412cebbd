package org.linkage.activity.event;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.Urgency;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.metric;
import static org.linkage.activity.NeedFixtures.newRequester;
import static org.linkage.activity.NeedFixtures.raiseNeed;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AssignmentEventsConsumerTest implements AsAdmin {

    private static final String DEAD_LETTERS = Topics.deadLetter("activity-service");

    @Test
    void theNeedFollowsOffersDeclinesAndTheAcceptance() {
        String requester = newRequester();
        UUID needId = UUID.fromString(raiseNeed(requester));

        send(offer(needId, requester));
        JsonPath matching = awaitStatus(needId, "MATCHING").jsonPath();
        assertEquals(List.of("OPEN", "MATCHING"), matching.getList("statusHistory.status"));
        assertNull(matching.get("assignedVolunteerId"));

        UUID assignmentId = UUID.randomUUID();
        UUID volunteerId = UUID.randomUUID();
        send(AssignmentDeclined.of(UUID.randomUUID(), needId, UUID.randomUUID(), requester, "not in town"));
        send(offer(needId, requester));
        send(AssignmentAccepted.of(assignmentId, needId, volunteerId, requester));

        JsonPath assigned = awaitStatus(needId, "ASSIGNED").jsonPath();
        assertEquals(volunteerId.toString(), assigned.getString("assignedVolunteerId"));
        assertEquals(assignmentId.toString(), assigned.getString("assignmentId"));
        assertNull(assigned.get("statusReason"));
        // The decline and the second offer kept it matching: no entries of their own.
        assertEquals(List.of("OPEN", "MATCHING", "ASSIGNED"), assigned.getList("statusHistory.status"));
        assertTrue(Instant.parse(assigned.getString("updatedAt"))
                .isAfter(Instant.parse(assigned.getString("createdAt"))));
        given().get("/api/v1/needs?requestedBy=" + requester + "&status=ASSIGNED")
                .then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aNeedNobodyCouldTakeIsUnmatchedWithTheReason() {
        String requester = newRequester();
        UUID needId = UUID.fromString(raiseNeed(requester));

        send(offer(needId, requester));
        send(NeedUnmatched.of(needId, requester, "all 7 candidates declined or timed out", 7));

        JsonPath unmatched = awaitStatus(needId, "UNMATCHED").jsonPath();
        assertEquals("all 7 candidates declined or timed out", unmatched.getString("statusReason"));
        assertEquals(List.of("OPEN", "MATCHING", "UNMATCHED"), unmatched.getList("statusHistory.status"));
        assertEquals("all 7 candidates declined or timed out", unmatched.getString("statusHistory[2].reason"));
        assertNull(unmatched.get("assignedVolunteerId"));

        // The social worker then assigns it by hand, or confirms a volunteer's offer of themselves.
        UUID volunteerId = UUID.randomUUID();
        send(AssignmentAccepted.of(UUID.randomUUID(), needId, volunteerId, requester));
        JsonPath assigned = awaitStatus(needId, "ASSIGNED").jsonPath();
        assertEquals(volunteerId.toString(), assigned.getString("assignedVolunteerId"));
        assertEquals(List.of("OPEN", "MATCHING", "UNMATCHED", "ASSIGNED"), assigned.getList("statusHistory.status"));
    }

    @Test
    void aRedeliveredAcceptanceChangesNothing() {
        String requester = newRequester();
        UUID needId = UUID.fromString(raiseNeed(requester));
        EventEnvelope acceptance = EventEnvelope.wrap(
                AssignmentAccepted.of(UUID.randomUUID(), needId, UUID.randomUUID(), requester),
                Instant.now(), null);

        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, acceptance);
        ExtractableResponse<Response> first = awaitStatus(needId, "ASSIGNED");

        double duplicatesBefore = consumed(AssignmentAccepted.TYPE, "duplicate");
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, acceptance);
        double duplicatesAfter = awaitValue(() -> consumed(AssignmentAccepted.TYPE, "duplicate"),
                count -> count > duplicatesBefore);
        assertEquals(duplicatesBefore + 1, duplicatesAfter, "the redelivery was recognised as a duplicate");

        ExtractableResponse<Response> second = given().get("/api/v1/needs/" + needId).then().extract();
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertEquals(first.body().asString(), second.body().asString());
    }

    @Test
    void aLateOfferForAnAssignedNeedIsIgnored() {
        String requester = newRequester();
        UUID needId = UUID.fromString(raiseNeed(requester));
        UUID volunteerId = UUID.randomUUID();
        send(AssignmentAccepted.of(UUID.randomUUID(), needId, volunteerId, requester));
        ExtractableResponse<Response> assigned = awaitStatus(needId, "ASSIGNED");

        EventEnvelope lateOffer = sendAndAwaitHandled(offer(needId, requester));

        ExtractableResponse<Response> after = given().get("/api/v1/needs/" + needId).then().extract();
        assertEquals(assigned.body().asString(), after.body().asString());
        assertEquals(volunteerId.toString(), after.path("assignedVolunteerId"));
        assertTrue(deadLetters().stream().noneMatch(value -> value.contains(lateOffer.eventId().toString())));
    }

    @Test
    void anEventForAnUnknownNeedIsIgnored() {
        UUID unknown = UUID.randomUUID();
        EventEnvelope acceptance = sendAndAwaitHandled(
                AssignmentAccepted.of(UUID.randomUUID(), unknown, UUID.randomUUID(), newRequester()));

        given().get("/api/v1/needs/" + unknown).then().statusCode(404);
        assertTrue(deadLetters().stream().noneMatch(value -> value.contains(acceptance.eventId().toString())));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        String requester = newRequester();
        UUID needId = UUID.fromString(raiseNeed(requester));
        String poison = "not json " + UUID.randomUUID();

        // Same key as the need's events: the same partition, so the valid event waits behind the poison.
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, needId.toString(), poison);
        send(offer(needId, requester));

        awaitStatus(needId, "MATCHING");
        List<String> deadLetters = awaitValue(AssignmentEventsConsumerTest::deadLetters,
                values -> values.contains(poison));
        assertTrue(deadLetters.contains(poison), "the poison message is on " + DEAD_LETTERS);
    }

    private static AssignmentOffered offer(UUID needId, String requester) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        return AssignmentOffered.of(UUID.randomUUID(), needId, UUID.randomUUID(), requester, "home-visit",
                Urgency.URGENT, new TimeWindow(start, start.plus(2, ChronoUnit.HOURS)),
                new GeoPoint(31.2304, 121.4737), "Weekly visit", Instant.now().plusSeconds(60));
    }

    private static EventEnvelope send(DomainEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), null);
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, envelope);
        return envelope;
    }

    private static ExtractableResponse<Response> awaitStatus(UUID needId, String status) {
        ExtractableResponse<Response> need = awaitValue(
                () -> given().get("/api/v1/needs/" + needId).then().statusCode(200).extract(),
                response -> status.equals(response.path("status")));
        assertEquals(status, need.path("status"), "status of need " + needId);
        return need;
    }

    /**
     * Sends the event and waits until the consumer has handled it. Ignored events leave no trace on the need, so the
     * consumer's metric is the only sign; this test class's events are the only ones in flight.
     */
    private static EventEnvelope sendAndAwaitHandled(DomainEvent event) {
        double before = consumed(event.eventType(), "processed");
        EventEnvelope envelope = send(event);
        assertTrue(awaitValue(() -> consumed(event.eventType(), "processed"), count -> count > before) > before,
                envelope.eventType() + " " + envelope.eventId() + " was handled");
        return envelope;
    }

    /** The consumer's count of events of that type with that outcome, from the Prometheus endpoint. */
    private static double consumed(String type, String outcome) {
        return metric("linkage_events_consumed_total", "type=\"" + type + "\"", "outcome=\"" + outcome + "\"");
    }

    private static List<String> deadLetters() {
        return TopicProbe.readAll(DEAD_LETTERS).stream().map(record -> record.value()).toList();
    }
}
