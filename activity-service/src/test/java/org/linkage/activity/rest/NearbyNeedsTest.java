package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.linkage.chassis.geo.CoordinateSystem;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.childRequest;
import static org.linkage.activity.BeneficiaryFixtures.consent;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.newRequester;

/** Volunteers browse open needs around them: summaries, coarse places, a child's need only to who served them. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NearbyNeedsTest {

    private static RequestSpecification as(String token) {
        return As.token(token).contentType(ContentType.JSON);
    }

    private static String raise(String requester, GeoPoint at, String skill, Urgency urgency) {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return as(Tokens.admin(requester)).body("""
                        {"category": "home-visit", "requiredSkill": "%s",
                         "location": {"latitude": %s, "longitude": %s},
                         "window": {"start": "%s", "end": "%s"}, "urgency": "%s", "volunteersNeeded": 1,
                         "requestedBy": "%s", "summary": "Help nearby"}"""
                        .formatted(skill, at.latitude(), at.longitude(), start, start.plusSeconds(3600), urgency,
                                requester))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
    }

    @Test
    void openNeedsAroundAPositionOrAStationNearestFirstAndOnlyAboutWhere() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // A spot of its own, on the 0.01° grid the places are coarsened to.
        GeoPoint base = new GeoPoint(Math.round(random.nextDouble(40, 45) * 100) / 100.0,
                Math.round(random.nextDouble(90, 95) * 100) / 100.0);
        String requester = newRequester();
        String near = raise(requester, new GeoPoint(base.latitude() + 0.001, base.longitude()), "elder-care",
                Urgency.ROUTINE);
        String further = raise(requester, new GeoPoint(base.latitude() + 0.02, base.longitude()), "tutoring",
                Urgency.URGENT);
        raise(requester, new GeoPoint(base.latitude() + 0.3, base.longitude()), "elder-care", Urgency.ROUTINE);
        String emergency = raise(requester, base, "first-aid", Urgency.EMERGENCY);
        String volunteer = Tokens.volunteer(UUID.randomUUID());

        as(volunteer).get("/api/v1/needs/nearby?latitude=%s&longitude=%s&radiusMetres=5000"
                        .formatted(base.latitude(), base.longitude())).then().statusCode(200)
                .body("items.id", contains(near, further))
                .body("items[0].distanceMetres", equalTo(0))
                .body("items[0].area.latitude", equalTo((float) base.latitude()))
                .body("items[1].distanceMetres", equalTo(2200))
                .body("items.id", not(hasItem(emergency)));
        as(volunteer).get("/api/v1/needs/nearby?latitude=%s&longitude=%s&radiusMetres=5000&skill=tutoring"
                .formatted(base.latitude(), base.longitude())).then().body("items.id", contains(further));
        // The same place as an AMap (GCJ-02) position.
        GeoPoint amap = CoordinateSystem.GCJ02.fromWgs84(base);
        as(volunteer).get("/api/v1/needs/nearby?latitude=%s&longitude=%s&coordinateSystem=GCJ02&radiusMetres=1000"
                .formatted(amap.latitude(), amap.longitude())).then().body("items.id", contains(near));
        String station = As.admin("admin-nearby").contentType(ContentType.JSON).body("""
                        {"name": "Centre", "kind": "COMMUNITY_CENTRE", "address": "1 Test Road",
                         "location": {"latitude": %s, "longitude": %s}, "community": "c-%s",
                         "openingHours": [{"day": "MONDAY", "opens": "08:30", "closes": "17:30"}]}"""
                        .formatted(base.latitude(), base.longitude(), UUID.randomUUID()))
                .post("/api/v1/stations").then().statusCode(201).extract().path("id");
        as(volunteer).get("/api/v1/needs/nearby?stationId=%s&radiusMetres=1000".formatted(station)).then()
                .statusCode(200).body("items.id", contains(near));

        assertProblem(as(volunteer).get("/api/v1/needs/nearby").then(), 400, "latitude", "stationId");
        assertProblem(as(volunteer).get("/api/v1/needs/nearby?stationId=%s&latitude=1&longitude=1"
                .formatted(station)).then(), 400, "stationId", "");
        assertProblem(as(Tokens.admin("admin-nearby")).get("/api/v1/needs/nearby?latitude=1&longitude=1").then(),
                403);
    }

    @Test
    void aChildsNeedIsListedOnlyToAVolunteerWhoServedThatChild() {
        String socialWorker = newRequester();
        String child = As.socialWorker(socialWorker, "xinhua")
                .contentType(ContentType.JSON).body(childRequest(marker(), socialWorker, true))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        consent(child, socialWorker, "GUARDIAN", "tutoring");
        String served = as(Tokens.socialWorker(socialWorker, "xinhua")).body(needFor(child, "tutoring", socialWorker))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        String open = as(Tokens.socialWorker(socialWorker, "xinhua")).body(needFor(child, "tutoring", socialWorker))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        UUID tutor = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        Instant start = Instant.now().plusSeconds(86_400);
        send(AssignmentOffered.of(assignment, UUID.fromString(served), tutor, socialWorker, "tutoring",
                Urgency.ROUTINE, new TimeWindow(start, start.plusSeconds(3600)), new GeoPoint(31.23, 121.47),
                "Homework", Instant.now().plusSeconds(600)));
        send(AssignmentAccepted.of(assignment, UUID.fromString(served), tutor, socialWorker));
        String around = "/api/v1/needs/nearby?latitude=31.23456&longitude=121.47123&radiusMetres=2000&skill=tutoring";
        awaitValue(() -> as(Tokens.volunteer(tutor)).get(around).then().extract().jsonPath()
                .getList("items.id", String.class), (List<String> ids) -> ids.contains(open));
        as(Tokens.volunteer(tutor)).get(around).then()
                .body("items.find { it.id == '%s' }.careCategory".formatted(open), equalTo("CHILD"))
                .body("items.find { it.id == '%s' }.area.latitude".formatted(open), equalTo(31.23f));
        as(Tokens.volunteer(stranger)).get(around).then().statusCode(200).body("items.id", not(hasItem(open)));
    }

    private static void send(org.linkage.events.DomainEvent event) {
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(event, Instant.now(), null));
    }
}
