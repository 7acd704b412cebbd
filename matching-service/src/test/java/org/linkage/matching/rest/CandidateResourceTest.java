package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class CandidateResourceTest {

    @Test
    void aRegisteredVolunteerAppearsInTheViewWithoutTheirHomeLocation() {
        UUID id = UUID.randomUUID();
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, EventEnvelope.wrap(VolunteerRegistered.of(id,
                List.of("counselling"), new GeoPoint(35.25, 115.44), true, true), Instant.now(), null));

        MatchingFixtures.await(() -> asAdmin().get("/api/v1/candidates/" + id).statusCode(), status -> status == 200,
                "candidate " + id);
        asAdmin().get("/api/v1/candidates/" + id)
                .then().statusCode(200)
                .body("volunteerId", equalTo(id.toString()))
                .body("skills", contains("counselling"))
                .body("located", equalTo(true))
                .body("onDuty", equalTo(true))
                .body("$", not(hasKey("homeLatitude")))
                .body("$", not(hasKey("homeLocation")));
    }

    @Test
    void anOlderEventThatStillCarriesANameIsReadButTheNameIsNeitherKeptNorShown() {
        UUID id = UUID.randomUUID();
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, id.toString(), """
                {"eventId": "%s", "eventType": "VolunteerRegistered", "schemaVersion": 1,
                 "occurredAt": "%s", "aggregateType": "Volunteer", "aggregateId": "%s",
                 "payload": {"volunteerId": "%s", "displayName": "陈静", "skills": ["counselling"],
                             "homeLocation": {"latitude": 35.25, "longitude": 115.44}, "onDuty": false,
                             "active": true}}""".formatted(UUID.randomUUID(), Instant.now(), id, id));

        MatchingFixtures.await(() -> asAdmin().get("/api/v1/candidates/" + id).statusCode(), status -> status == 200,
                "candidate " + id);
        String body = asAdmin().get("/api/v1/candidates/" + id).then().statusCode(200)
                .body("skills", contains("counselling")).body("located", equalTo(true))
                .body("$", not(hasKey("displayName")))
                .extract().asString();
        assertFalse(body.contains("陈静"), body);
    }

    @Test
    void anUnknownVolunteerIsAProblem404() {
        asAdmin().get("/api/v1/candidates/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
