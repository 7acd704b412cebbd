package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.ActivityFixtures;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.BeneficiaryFixtures;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.PairingFixtures.PAIRINGS;
import static org.linkage.activity.PairingFixtures.accepted;
import static org.linkage.activity.PairingFixtures.asVolunteer;
import static org.linkage.activity.PairingFixtures.asWorker;
import static org.linkage.activity.PairingFixtures.child;
import static org.linkage.activity.PairingFixtures.period;
import static org.linkage.activity.PairingFixtures.trustedVolunteer;

/**
 * A pairing's session held at a station is checked in and out by the paired volunteer with the code shown there;
 * the station's confirmation completes the session as the social worker's would. A home visit has no station code.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SessionStationCheckInTest implements AsAdmin {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Test
    void thePairedVolunteerChecksInAndOutWithTheStationsCodeAndTheHoursAreCredited() {
        String marker = marker();
        String worker = "sw-" + marker;
        UUID volunteer = trustedVolunteer();
        String pairing = PAIRINGS + accepted(marker, child(marker, worker), volunteer, worker);
        LocalDate today = LocalDate.now(DISTRICT);
        asWorker(worker).contentType(ContentType.JSON).body(period(today.minusDays(1), today.plusDays(90)))
                .post(pairing + "/activation").then().statusCode(200);
        String station = ActivityFixtures.station(BeneficiaryFixtures.COMMUNITY);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String session = asWorker(worker).contentType(ContentType.JSON).body("""
                        {"kind": "TUTORING", "startsAt": "%s", "endsAt": "%s", "stationId": "%s"}"""
                        .formatted(now.minus(5, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.HOURS), station))
                .post(pairing + "/sessions").then().statusCode(201).extract().path("id");
        String sessionPath = pairing + "/sessions/" + session;

        String code = asWorker(worker).get(sessionPath + "/station-code").then().statusCode(200)
                .extract().path("code");
        assertProblem(asWorker("sw-other").get(sessionPath + "/station-code").then(), 403);
        assertProblem(asVolunteer(UUID.randomUUID()).contentType(ContentType.JSON)
                .body("{\"code\": \"%s\"}".formatted(code)).post(sessionPath + "/station-check-in").then(), 403);
        assertProblem(asVolunteer(volunteer).contentType(ContentType.JSON).body("{}")
                .post(sessionPath + "/station-check-in").then(), 400, "code", "");
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertProblem(asVolunteer(volunteer).contentType(ContentType.JSON)
                .body("{\"code\": \"%s\"}".formatted(wrong)).post(sessionPath + "/station-check-in").then(),
                422, "code", "wrong or has expired");
        asWorker(worker).get(pairing + "/sessions").then().body("find { it.id == '%s' }.status".formatted(session),
                equalTo("SCHEDULED"));
        // Every refused attempt is audited, invalid input included.
        given().get("/api/v1/audit-entries?resourceType=Pairing&resourceId=" + pairing.substring(PAIRINGS.length()))
                .then().statusCode(200)
                .body("items.purpose", hasItem(startsWith("check in a session at the station refused (400)")))
                .body("items.purpose", hasItem(startsWith("check in a session at the station refused (403)")))
                .body("items.purpose", hasItem(startsWith("check in a session at the station refused (422)")));

        asVolunteer(volunteer).contentType(ContentType.JSON).body("{\"code\": \"%s\"}".formatted(code))
                .post(sessionPath + "/station-check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).body("checkedInBy", equalTo("station-code"));
        asVolunteer(volunteer).contentType(ContentType.JSON).body("{\"code\": \"%s\"}".formatted(code))
                .post(sessionPath + "/station-check-out").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("checkedOutBy", equalTo("station-code"))
                // Checked out straight after checking in: the time present, not the session's length, counts.
                .body("hours", lessThan(0.1f));
        assertProblem(asVolunteer(volunteer).contentType(ContentType.JSON).body("{\"code\": \"%s\"}".formatted(code))
                .post(sessionPath + "/station-check-out").then(), 409);

        // A home visit is confirmed by the social worker: there is no station to show a code.
        String visit = asWorker(worker).contentType(ContentType.JSON).body("""
                        {"kind": "HOME_VISIT", "startsAt": "%s", "endsAt": "%s"}"""
                        .formatted(now.plus(10, ChronoUnit.MINUTES), now.plus(70, ChronoUnit.MINUTES)))
                .post(pairing + "/sessions").then().statusCode(201).extract().path("id");
        assertProblem(asWorker(worker).get(pairing + "/sessions/" + visit + "/station-code").then(), 409);
        assertProblem(asVolunteer(volunteer).contentType(ContentType.JSON).body("{\"code\": \"%s\"}".formatted(code))
                .post(pairing + "/sessions/" + visit + "/station-check-in").then(), 409);

        // A retired station takes no new session; the one held there keeps it.
        given().post("/api/v1/stations/" + station + "/retirement").then().statusCode(200);
        assertProblem(asWorker(worker).contentType(ContentType.JSON).body("""
                        {"kind": "TUTORING", "startsAt": "%s", "endsAt": "%s", "stationId": "%s"}"""
                        .formatted(now.plus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS),
                                station)).post(pairing + "/sessions").then(), 422, "stationId", "retired");
        asWorker(worker).get(pairing + "/sessions").then()
                .body("find { it.id == '%s' }.stationId".formatted(session), equalTo(station));
    }
}
