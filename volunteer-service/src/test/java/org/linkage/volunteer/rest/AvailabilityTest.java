package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.volunteer.api.WeeklySlot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AvailabilityTest extends SignedInAsStaff {

    private static final String WEEKENDS = """
            {"weeklySlots": [{"dayOfWeek": "SATURDAY", "start": "09:00", "end": "12:00"},
                             {"dayOfWeek": "SUNDAY", "start": "14:00", "end": "17:00"}],
             "exceptions": [{"date": "2026-12-26", "kind": "AWAY"},
                            {"date": "2026-12-30", "kind": "EXTRA", "start": "18:00", "end": "20:00"}],
             "weeklyHoursCap": 8}""";

    @Test
    void replacingTheAvailabilityStoresAndPublishesItWhole() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/availability";
        given().get(url).then().statusCode(200)
                .body("weeklySlots", empty()).body("weeklyHoursCap", nullValue());

        given().contentType(ContentType.JSON).body(WEEKENDS).put(url)
                .then().statusCode(200)
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("weeklySlots.dayOfWeek", contains("SATURDAY", "SUNDAY"))
                .body("weeklySlots[0].start", equalTo("09:00:00"))
                .body("exceptions.kind", contains("AWAY", "EXTRA"))
                .body("weeklyHoursCap", equalTo(8));
        given().get(url).then().statusCode(200)
                .body("weeklySlots.end", contains("12:00:00", "17:00:00"))
                .body("exceptions[0].start", nullValue())
                .body("exceptions[1].end", equalTo("20:00:00"));

        List<EventEnvelope> changed = TestVolunteers.awaitEvents(id, VolunteerAvailabilityChanged.TYPE);
        assertEquals(1, changed.size());
        VolunteerAvailabilityChanged event = changed.get(0).payloadAs(VolunteerAvailabilityChanged.class);
        assertEquals(new VolunteerAvailabilityChanged.WeeklySlot(DayOfWeek.SATURDAY, LocalTime.of(9, 0),
                LocalTime.of(12, 0)), event.weeklySlots().get(0));
        assertEquals(new VolunteerAvailabilityChanged.DatedException(LocalDate.of(2026, 12, 26),
                VolunteerAvailabilityChanged.Kind.AWAY, null, null), event.exceptions().get(0));
        assertEquals(8, event.weeklyHoursCap());

        given().contentType(ContentType.JSON)
                .body("{\"weeklySlots\": [{\"dayOfWeek\": \"MONDAY\", \"start\": \"19:00\", \"end\": \"21:00\"}]}")
                .put(url).then().statusCode(200)
                .body("weeklySlots.dayOfWeek", contains("MONDAY"))
                .body("exceptions", empty())
                .body("weeklyHoursCap", nullValue());
    }

    @Test
    void overlappingOrBadSlotsAreRefusedNamingTheEntryAndNothingIsStored() {
        String id = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + id + "/availability";
        given().contentType(ContentType.JSON).body("""
                        {"weeklySlots": [{"dayOfWeek": "MONDAY", "start": "09:00", "end": "12:00"},
                                         {"dayOfWeek": "MONDAY", "start": "11:00", "end": "13:00"}]}""")
                .put(url).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("weeklySlots[1]"))
                .body("violations.message", contains("与 weeklySlots[0] 重叠"));
        given().contentType(ContentType.JSON).body("""
                        {"weeklySlots": [], "exceptions": [{"date": "2026-12-30", "kind": "EXTRA"}]}""")
                .put(url).then().statusCode(400).body("violations.field", contains("exceptions[0].start"));
        given().contentType(ContentType.JSON).body("""
                        {"weeklySlots": [{"dayOfWeek": "MONDAY", "start": "25:00", "end": "26:00"}]}""")
                .put(url).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("weeklySlots[0].start"));
        given().contentType(ContentType.JSON).body("{\"weeklySlots\": [], \"weeklyHoursCap\": 100}")
                .put(url).then().statusCode(400).body("violations.field", contains("weeklyHoursCap"));
        given().contentType(ContentType.JSON).body("{\"weeklyHoursCap\": 8}")
                .put(url).then().statusCode(400).body("violations.field", contains("weeklySlots"));
        given().get(url).then().statusCode(200).body("weeklySlots", empty()).body("updatedAt", nullValue());

        given().contentType(ContentType.JSON).body(WEEKENDS)
                .put("/api/v1/volunteers/" + UUID.randomUUID() + "/availability")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
