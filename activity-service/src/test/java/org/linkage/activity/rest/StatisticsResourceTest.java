package org.linkage.activity.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.confirmedSignUp;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ActivityFixtures.stationCode;
import static org.linkage.activity.ActivityFixtures.withCode;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.elderRequest;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;
import static org.linkage.activity.BeneficiaryFixtures.register;
import static org.linkage.activity.HazardFixtures.JPEG;
import static org.linkage.activity.HazardFixtures.report;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.newRequester;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StatisticsResourceTest implements AsAdmin {

    @Inject
    EntityManager entityManager;

    @Test
    void aCommunitysFiguresCountWhatHappenedThere() {
        String community = "c-" + UUID.randomUUID();
        // An activity attended for two hours, which then ended yesterday.
        String activityId = activity(station(community), 5);
        UUID attendee = UUID.randomUUID();
        confirmedSignUp(activityId, attendee);
        withCode(activityId, "check-ins", attendee, stationCode(activityId)).then().statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE attendance SET checked_in_at = checked_in_at - interval '2 hours' "
                                + "WHERE activity_id = ?1")
                .setParameter(1, UUID.fromString(activityId)).executeUpdate());
        withCode(activityId, "check-outs", attendee, stationCode(activityId)).then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE activity SET starts_at = now() - interval '27 hours', "
                                + "ends_at = now() - interval '24 hours' WHERE id = ?1")
                .setParameter(1, UUID.fromString(activityId)).executeUpdate());

        // A home visit for an elderly resident, completed with 1.5 hours.
        String socialWorker = newRequester();
        String elder = register(elderRequest(marker(), socialWorker).replace("\"xinhua\"", "\"" + community + "\""));
        String needId = asRequester(socialWorker).body(needFor(elder, "home-visit", socialWorker))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        UUID visitor = UUID.randomUUID();
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(AssignmentAccepted.of(UUID.randomUUID(),
                UUID.fromString(needId), visitor, socialWorker), Instant.now(), null));
        awaitValue(() -> given().get("/api/v1/needs/" + needId).then().extract().path("status"),
                "ASSIGNED"::equals);
        need(needId, "start", null);
        need(needId, "reports", "{\"volunteerId\": \"%s\", \"report\": \"Visited\", \"hours\": 1.5}"
                .formatted(visitor));
        need(needId, "completion", """
                {"serviceDate": "%s", "hours": [{"volunteerId": "%s", "hours": 1.5}]}"""
                .formatted(LocalDate.now(), visitor));

        // An emergency for the same resident, accepted by a volunteer; another nobody answered.
        String emergency = asRequester(socialWorker).body(needFor(elder, "home-visit", socialWorker)
                        .replace("ROUTINE", "EMERGENCY")).post("/api/v1/needs").then().statusCode(201)
                .extract().path("id");
        asRequester(socialWorker).body(needFor(elder, "home-visit", socialWorker).replace("ROUTINE", "EMERGENCY"))
                .post("/api/v1/needs").then().statusCode(201);
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(AssignmentAccepted.of(UUID.randomUUID(),
                UUID.fromString(emergency), UUID.randomUUID(), socialWorker), Instant.now(), null));
        awaitValue(() -> given().get("/api/v1/needs/" + emergency).then().extract().path("status"),
                "ASSIGNED"::equals);

        // Two wishes, one fulfilled and confirmed; two hazards, one triaged.
        String wish = MicroWishResourceTest.post(community, "Glasses");
        MicroWishResourceTest.post(community, "A ride");
        UUID claimer = UUID.randomUUID();
        MicroWishResourceTest.action(wish, "claim", "{\"volunteerId\": \"%s\"}".formatted(claimer));
        MicroWishResourceTest.action(wish, "fulfilment", "{\"volunteerId\": \"%s\", \"note\": \"done\"}"
                .formatted(claimer));
        MicroWishResourceTest.action(wish, "confirmation", "{}").then().statusCode(200);
        String hazard = report(JPEG, "image/jpeg", 48.0, 103.0, community).then().extract().path("id");
        report(JPEG, "image/jpeg", 48.1, 103.0, community).then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"severity\": \"LOW\"}")
                .post("/api/v1/hazard-reports/" + hazard + "/triage").then().statusCode(200);

        given().get("/api/v1/statistics?community=%s&from=%s&to=%s".formatted(community,
                        LocalDate.now().minusDays(3), LocalDate.now().plusDays(3)))
                .then().statusCode(200)
                .body("activitiesHeld", equalTo(1))
                .body("volunteersEngaged", equalTo(2))
                .body("serviceHours", equalTo(3.5f))
                .body("needsMetByCareCategory.ELDERLY", equalTo(1))
                .body("microWishesPosted", equalTo(2))
                .body("microWishesCompleted", equalTo(1))
                .body("microWishCompletionRate", equalTo(0.5f))
                .body("hazardReportsByStatus.REPORTED", equalTo(1))
                .body("hazardReportsByStatus.TRIAGED", equalTo(1))
                .body("peopleServedByFocusGroup.ELDERLY", equalTo(1))
                .body("microWishesClaimed", equalTo(1))
                .body("microWishesFulfilled", equalTo(1))
                .body("hazardsReported", equalTo(2))
                .body("hazardsResolved", equalTo(0))
                .body("emergencies.raised", equalTo(2))
                .body("emergencies.answered", equalTo(1))
                .body("emergencies.medianSecondsToFirstAccept", notNullValue())
                .body("stations", hasSize(1))
                .body("stations[0].activitiesHeld", equalTo(1))
                .body("stations[0].attendances", equalTo(1))
                .body("stations[0].serviceHours", equalTo(2.0f));
        given().get("/api/v1/statistics?community=%s&from=2020-01-01&to=2020-12-31".formatted(community))
                .then().statusCode(200).body("activitiesHeld", equalTo(0)).body("serviceHours", equalTo(0));

        // Without a period: the current month in the district's time zone (the activity ended yesterday, which
        // may be last month, so only the month's bounds are checked).
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        given().get("/api/v1/statistics?community=" + community).then().statusCode(200)
                .body("from", equalTo(today.withDayOfMonth(1).toString()))
                .body("to", equalTo(today.withDayOfMonth(today.lengthOfMonth()).toString()))
                .body("hazardsReported", equalTo(2));
        // The district: every community, this one's station among them.
        given().get("/api/v1/statistics?from=%s&to=%s".formatted(LocalDate.now().minusDays(3),
                        LocalDate.now().plusDays(3))).then().statusCode(200)
                .body("community", nullValue())
                .body("stations.community", hasItem(community))
                .body("hazardsReported", greaterThanOrEqualTo(2));
        // A social worker's report is their own community's.
        As.socialWorker(socialWorker, community).get("/api/v1/statistics")
                .then().statusCode(200).body("community", equalTo(community));
    }

    @Test
    void aBadPeriodIsAProblem() {
        assertProblem(given().get("/api/v1/statistics?community=x&from=2026-02-01&to=2026-01-01").then(), 400, "to",
                "before from");
        assertProblem(given().get("/api/v1/statistics?community=x&from=yesterday&to=2026-01-01").then(), 400, "from",
                "date");
        assertProblem(given().get("/api/v1/statistics?community=x&from=2024-12-01&to=2026-01-01").then(), 400, "to",
                "maximum of 366 days");
        assertProblem(given().get("/api/v1/statistics?community=x&to=2026-01-01").then(), 400, "from", "with to");
    }

    private static void need(String needId, String action, String body) {
        var request = given().contentType(ContentType.JSON);
        (body == null ? request : request.body(body)).post("/api/v1/needs/" + needId + "/" + action)
                .then().statusCode(200);
    }
}
