package org.linkage.activity.rest;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.activity.service.NeedRecurrenceJob;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.need.AssignmentCompleted;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.NeedFixtures.TIMEOUT;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.awaitEvents;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.metric;
import static org.linkage.activity.NeedFixtures.newRequester;
import static org.linkage.activity.NeedFixtures.raiseNeed;
import static org.linkage.activity.NeedFixtures.raiseRequest;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NeedLifecycleTest implements AsAdmin {

    @Inject
    NeedRecurrenceJob recurrence;

    @Test
    void theRequirementsTravelInNeedRaisedAndTheRaiseIsCounted() {
        double before = raisedCount("repairs", "URGENT");
        String requester = newRequester();
        Instant deadline = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String id = asRequester(requester).body(raiseRequest(requester)
                        .replace("\"home-visit\"", "\"repairs\"")
                        .replace("\"summary\"", """
                                "requiredCertifications": ["electrician", "electrician"],
                                "requiredTraining": ["ethics-101"], "radiusMetres": 3000, "estimatedHours": 1.5,
                                "deadline": "%s", "community": "xinhua", "summary\"""".formatted(deadline)))
                .post("/api/v1/needs").then().statusCode(201)
                .body("requiredCertifications", contains("electrician"))
                .body("estimatedHours", equalTo(1.5f))
                .extract().path("id");

        NeedRaised event = TopicProbe.await(Topics.NEED_EVENTS, NeedRaised.TYPE,
                e -> e.aggregateId().equals(id), TIMEOUT).get(0).payloadAs(NeedRaised.class);
        assertEquals(List.of("electrician"), event.requiredCertifications());
        assertEquals(List.of("ethics-101"), event.requiredTraining());
        assertEquals(3000, event.radiusMetres());
        assertEquals(1.5, event.estimatedHours());
        assertEquals(deadline, event.deadline());
        assertEquals("xinhua", event.community());
        assertEquals(31.2304, event.location().latitude(), "not a beneficiary's home: exact");
        assertEquals(before + 1, raisedCount("repairs", "URGENT"));
    }

    @Test
    void aDeadlineAfterTheWindowIsRefused() {
        String requester = newRequester();
        assertProblem(asRequester(requester).body(raiseRequest(requester)
                        .replace("\"summary\"", "\"deadline\": \"%s\", \"summary\""
                                .formatted(Instant.now().plus(30, ChronoUnit.DAYS))))
                .post("/api/v1/needs").then(), 400, "deadline", "window.end");
        assertProblem(asRequester(requester).body(raiseRequest(requester)
                        .replace("\"summary\"", "\"requiredTraining\": [\"Ethics 101\"], \"summary\""))
                .post("/api/v1/needs").then(), 400, "requiredTraining[0]", "code");
        given().get("/api/v1/needs?requestedBy=" + requester).then().body("totalItems", equalTo(0));
    }

    @Test
    void twoVolunteersAcceptReportAndAreConfirmedEachWithTheirHours() {
        String requester = newRequester();
        String id = raiseNeed(requester);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID firstAssignment = UUID.randomUUID();
        accept(id, firstAssignment, first, requester);
        accept(id, UUID.randomUUID(), second, requester);
        awaitValue(() -> need(id), need -> need.jsonPath().getList("assignments").size() == 2);

        String assigned = need(id).header("ETag");
        assertProblem(given().contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .post("/api/v1/needs/" + id + "/start").then(), 412);
        given().contentType(ContentType.JSON).header("If-Match", assigned)
                .post("/api/v1/needs/" + id + "/start").then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        report(id, first, "Fixed the tap", "2").then().statusCode(200);
        report(id, second, "Did the shopping", "1.5").then().statusCode(200)
                .body("assignments.report", containsInAnyOrder("Fixed the tap", "Did the shopping"));

        asRequester(requester).body("""
                {"confirmedBy": "%s", "hours": [{"volunteerId": "%s", "hours": 2},
                 {"volunteerId": "%s", "hours": 1.25}]}""".formatted(requester, first, second))
                .post("/api/v1/needs/" + id + "/completion")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("confirmedBy", equalTo(requester))
                .body("statusHistory.status", contains("OPEN", "ASSIGNED", "IN_PROGRESS", "COMPLETED"));

        List<EventEnvelope> completed = awaitEvents(Topics.NEED_EVENTS, AssignmentCompleted.TYPE,
                e -> e.aggregateId().equals(id), 2);
        assertEquals(2, completed.size());
        AssignmentCompleted firstCompleted = completed.stream().map(e -> e.payloadAs(AssignmentCompleted.class))
                .filter(e -> e.volunteerId().equals(first)).findFirst().orElseThrow();
        assertEquals(firstAssignment, firstCompleted.assignmentId());
        assertEquals(0, new BigDecimal("2").compareTo(firstCompleted.hours()));
        assertEquals(requester, firstCompleted.confirmedBy());
        Instant windowStart = Instant.parse(need(id).path("window.start"));
        assertEquals(windowStart.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate(), firstCompleted.serviceDate());
        assertSchemaValid(id);
    }

    @Test
    void invalidTransitionsAre409AndChangeNothing() {
        String requester = newRequester();
        String id = raiseNeed(requester);
        String etag = need(id).header("ETag");
        assertProblem(post(id, "start", null).then(), 409);
        assertProblem(post(id, "completion", """
                {"hours": [{"volunteerId": "%s", "hours": 2}]}""".formatted(UUID.randomUUID()))
                .then(), 409);
        assertProblem(report(id, UUID.randomUUID(), "done", "1").then(), 409);
        assertEquals(etag, need(id).header("ETag"));

        UUID volunteer = UUID.randomUUID();
        accept(id, UUID.randomUUID(), volunteer, requester);
        awaitValue(() -> need(id), need -> "ASSIGNED".equals(need.path("status")));
        assertProblem(post(id, "completion", """
                {"hours": [{"volunteerId": "%s", "hours": 2}]}""".formatted(volunteer))
                .then(), 409);
        assertProblem(report(id, UUID.randomUUID(), "done", "1").then(), 422, "volunteerId", "not accepted");
        post(id, "start", null).then().statusCode(200);
        assertProblem(post(id, "completion", """
                {"hours": [{"volunteerId": "%s", "hours": 2}]}""".formatted(volunteer))
                .then(), 422, "hours[0].volunteerId", "not reported");
        assertProblem(post(id, "completion", """
                {"hours": [{"volunteerId": "%s", "hours": 25}]}""".formatted(volunteer))
                .then(), 400, "hours[0].hours", "24");
        given().get("/api/v1/needs/" + id).then().body("status", equalTo("IN_PROGRESS"));
        assertEquals(0, TopicProbe.readAll(Topics.NEED_EVENTS).stream()
                .filter(r -> r.key().equals(id) && r.value().contains(AssignmentCompleted.TYPE)).count());
    }

    @Test
    void cancellingPublishesNeedCancelledOnceAndAFinishedNeedCannotBeCancelledAgain() {
        String requester = newRequester();
        String id = raiseNeed(requester);
        asRequester(requester).body("""
                {"cancelledBy": "%s", "reason": "The resident moved away"}""".formatted(requester))
                .post("/api/v1/needs/" + id + "/cancellation")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("statusReason", equalTo("The resident moved away"));
        assertProblem(post(id, "cancellation", "{}").then(), 409);
        assertProblem(post(id, "start", null).then(), 409);

        NeedCancelled event = TopicProbe.await(Topics.NEED_EVENTS, NeedCancelled.TYPE,
                e -> e.aggregateId().equals(id), TIMEOUT).get(0).payloadAs(NeedCancelled.class);
        assertEquals(requester, event.requestedBy());
        assertEquals("The resident moved away", event.reason());
        assertEquals(1, TopicProbe.await(Topics.NEED_EVENTS, NeedCancelled.TYPE,
                e -> e.aggregateId().equals(id), TIMEOUT).size());
        assertSchemaValid(id);
    }

    @Test
    void aMonthlyNeedRaisesEachOccurrenceWhenDueUntilTheEnd() {
        String requester = newRequester();
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        LocalDate until = start.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().plusMonths(2);
        String first = asRequester(requester).body(raiseRequest(requester, start,
                        start.plus(2, ChronoUnit.HOURS)).replace("\"summary\"",
                        "\"recurrence\": {\"frequency\": \"MONTHLY\", \"until\": \"%s\"}, \"summary\""
                                .formatted(until)))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        String seriesId = need(first).path("seriesId");

        recurrence.raiseDue(Instant.now());
        given().get("/api/v1/needs?requestedBy=" + requester).then().body("totalItems", equalTo(1));

        recurrence.raiseDue(Instant.now().plus(400, ChronoUnit.DAYS));
        recurrence.raiseDue(Instant.now().plus(400, ChronoUnit.DAYS));
        List<Instant> starts = given().get("/api/v1/needs?requestedBy=" + requester).then()
                .body("totalItems", equalTo(3))
                .body("items.seriesId", contains(seriesId, seriesId, seriesId))
                .extract().jsonPath().getList("items.window.start", String.class).stream()
                .map(Instant::parse).sorted(Comparator.naturalOrder()).toList();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        assertEquals(List.of(start, start.atZone(zone).plusMonths(1).toInstant(),
                start.atZone(zone).plusMonths(2).toInstant()), starts);
        assertEquals(3, awaitEvents(Topics.NEED_EVENTS, NeedRaised.TYPE,
                e -> e.payloadAs(NeedRaised.class).requestedBy().equals(requester), 3).size());
    }

    private static void accept(String needId, UUID assignmentId, UUID volunteerId, String requester) {
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(AssignmentAccepted.of(assignmentId,
                UUID.fromString(needId), volunteerId, requester), Instant.now(), null));
    }

    private static Response post(String needId, String action, String body) {
        var request = given().contentType(ContentType.JSON);
        return (body == null ? request : request.body(body)).post("/api/v1/needs/" + needId + "/" + action);
    }

    private static Response report(String needId, UUID volunteerId, String report, String hours) {
        return post(needId, "reports", """
                {"volunteerId": "%s", "report": "%s", "hours": %s}""".formatted(volunteerId, report, hours));
    }

    private static ExtractableResponse<Response> need(String id) {
        return given().get("/api/v1/needs/" + id).then().statusCode(200).extract();
    }

    private static void assertSchemaValid(String needId) {
        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topics.NEED_EVENTS).stream()
                .filter(r -> r.key().equals(needId)).toList();
        records.forEach(r -> assertEquals(Set.of(), EventSchemas.violations(r.value()), r.value()));
    }

    private static double raisedCount(String category, String urgency) {
        return metric("linkage_needs_raised_total", "category=\"" + category + "\"", "urgency=\"" + urgency + "\"");
    }
}
