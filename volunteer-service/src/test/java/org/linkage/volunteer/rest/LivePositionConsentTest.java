package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live position's consent: the volunteer's own, apart from the home location's, revocable, told to matching. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class LivePositionConsentTest extends SignedInAsStaff {

    private static final String RIDER = """
            {"purpose": "Emergencies go to the nearest responder on duty"}""";

    @Test
    void theVolunteerConsentsAndWithdrawsAndMatchingHearsEachTime() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/live-position-consent";
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("livePositionConsent.givenAt", nullValue());

        As.volunteer(UUID.fromString(id)).contentType(ContentType.JSON).body(RIDER)
                .put(url).then().statusCode(200)
                .body("livePositionConsent.givenAt", notNullValue())
                .body("livePositionConsent.purpose", equalTo("Emergencies go to the nearest responder on duty"))
                .body("locationConsent.givenAt", notNullValue()); // the home's consent is another matter
        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE);
        assertTrue(changed.get(0).payloadAs(VolunteerChanged.class).livePositionConsent());

        As.volunteer(UUID.fromString(id)).delete(url).then().statusCode(200)
                .body("livePositionConsent.givenAt", nullValue())
                .body("livePositionConsent.withdrawnAt", notNullValue());
        List<EventEnvelope> again = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE, 2);
        assertFalse(again.get(1).payloadAs(VolunteerChanged.class).livePositionConsent());
        // Withdrawing again changes nothing and tells nobody.
        given().delete(url).then().statusCode(200);
        assertEquals(2, TestVolunteers.eventsSoFar(id, VolunteerChanged.TYPE).size());
    }

    @Test
    void onlyTheVolunteerThemselfConsents() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/live-position-consent";
        given().contentType(ContentType.JSON).body(RIDER).put(url).then().statusCode(403);
        As.volunteer(UUID.randomUUID()).contentType(ContentType.JSON).body(RIDER)
                .put(url).then().statusCode(403);
        As.volunteer(UUID.fromString(id)).contentType(ContentType.JSON).body("{}")
                .put(url).then().statusCode(400).body("violations[0].field", equalTo("purpose"));
        given().get("/api/v1/volunteers/" + id).then().body("livePositionConsent.givenAt", nullValue());
    }
}
