package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class LocationConsentTest extends SignedInAsStaff {

    @Test
    void registrationRecordsTheConsentAndPublishesTheRicherContract() {
        String id = TestVolunteers.register();
        given().get("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("locationConsent.givenAt", notNullValue())
                .body("locationConsent.purpose", equalTo("Matching with needs near home"));
        VolunteerRegistered registered = TestVolunteers.awaitEvents(id, VolunteerRegistered.TYPE).get(0)
                .payloadAs(VolunteerRegistered.class);
        assertEquals(new GeoPoint(31.2304, 121.4737), registered.homeLocation());
        assertEquals(java.util.Map.of("elder-care", 1, "first-aid", 1), registered.skillLevels());
        assertEquals(List.of(), registered.languages());
    }

    @Test
    void withdrawingConsentRemovesTheLocationAndTellsMatching() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/location";
        given().delete(url).then().statusCode(200)
                .body("homeLocation", nullValue())
                .body("locationConsent.givenAt", nullValue())
                .body("locationConsent.purpose", nullValue())
                .body("locationConsent.withdrawnAt", notNullValue());
        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE);
        assertEquals(1, changed.size());
        assertNull(changed.get(0).payloadAs(VolunteerChanged.class).homeLocation());

        given().contentType(ContentType.JSON)
                .body("""
                        {"homeLocation": {"latitude": 31.25, "longitude": 121.5}, "purpose": "应急救护就近派单"}""")
                .put(url).then().statusCode(200)
                .body("homeLocation.latitude", equalTo(31.25f))
                .body("locationConsent.purpose", equalTo("应急救护就近派单"))
                .body("locationConsent.withdrawnAt", nullValue());
        List<EventEnvelope> again = TestVolunteers.awaitEvents(id, VolunteerChanged.TYPE, 2);
        assertEquals(new GeoPoint(31.25, 121.5), again.get(1).payloadAs(VolunteerChanged.class).homeLocation());
    }

    @Test
    void aLocationWithoutPurposeOrOutOfRangeIsRefusedAndNothingChanges() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/location";
        given().contentType(ContentType.JSON)
                .body("{\"homeLocation\": {\"latitude\": 31.25, \"longitude\": 121.5}, \"purpose\": \" \"}")
                .put(url).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("purpose"));
        given().contentType(ContentType.JSON)
                .body("{\"homeLocation\": {\"latitude\": 91, \"longitude\": 121.5}, \"purpose\": \"matching\"}")
                .put(url).then().statusCode(400).body("violations.field", contains("homeLocation.latitude"));
        given().get("/api/v1/volunteers/" + id).then().body("homeLocation.latitude", equalTo(31.2304f));
    }
}
