package org.linkage.matching.rest;

import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.matching.service.CandidateIndex;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.as;
import static org.linkage.matching.rest.MatchingFixtures.await;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitCandidate;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.responder;
import static org.linkage.matching.rest.MatchingFixtures.send;

/**
 * Riders on duty send where they are; emergencies go to who is near now. Through the API and the volunteer events
 * (real Kafka and PostgreSQL); the rules themselves are unit-tested in LivePositionsTest.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class LivePositionTest {

    /** A rider whose state matching learnt from VolunteerChanged, as volunteer-service publishes it. */
    private static UUID rider(GeoPoint home, boolean onDuty, boolean consent) {
        UUID id = UUID.randomUUID();
        change(id, home, onDuty, consent);
        return id;
    }

    private static void change(UUID id, GeoPoint home, boolean onDuty, boolean consent) {
        send(Topics.VOLUNTEER_EVENTS, VolunteerChanged.of(new MatchingProfile(id, List.of("first-aid"), home, onDuty,
                true, Map.of(), null, List.of(), consent, null)));
        awaitCandidate(id, candidate -> candidate.onDuty == onDuty && candidate.livePositionConsent == consent);
        CandidateIndex index = Arc.container().instance(CandidateIndex.class).get();
        await(() -> index.live().isRostered(id), rostered -> rostered == (onDuty && consent), "the roster of " + id);
    }

    private static ValidatableResponse ping(UUID rider, String body) {
        return as(Tokens.volunteer(rider)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/live-positions/" + rider).then();
    }

    private static String at(GeoPoint position, int accuracy, Instant recordedAt) {
        return """
                {"position": {"latitude": %s, "longitude": %s}, "accuracyMetres": %d, "recordedAt": "%s"}"""
                .formatted(position.latitude(), position.longitude(), accuracy, recordedAt);
    }

    private static void assertRefused(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
    }

    @Test
    void anEmergencyGoesToTheRiderWhereTheyAreNowAndSaysFromWhichPosition() {
        GeoPoint base = randomBase();
        // The rider lives 5 km away, beyond every radius; right now they ride past, 100 m from the emergency.
        UUID rider = rider(north(base, 5_000), true, true);
        ping(rider, at(north(base, 100), 15, Instant.now())).statusCode(200)
                .body("accuracyMetres", equalTo(15)).body("countsUntil", notNullValue());
        UUID atHome = responder(north(base, 300), "first-aid");

        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);
        JsonPath offers = awaitAssignments(needId, 2);
        assertEquals(rider.toString(), offers.getString("items.find { it.rank == 1 }.volunteerId"));
        assertEquals(100, offers.getInt("items.find { it.rank == 1 }.distanceMetres"));
        assertEquals(2, offers.getInt("items.find { it.rank == 1 }.walkingMinutes"));
        assertEquals(1, offers.getInt("items.find { it.rank == 1 }.ridingMinutes"));
        assertTrue(offers.getList("items.find { it.rank == 1 }.reasons.constraintsMet", String.class).stream()
                .anyMatch(reason -> reason.matches("按 \\d+ 秒前的实时位置计算（误差 ±\\d+ 米）")), offers.prettify());
        assertEquals(atHome.toString(), offers.getString("items.find { it.rank == 2 }.volunteerId"));
        assertTrue(offers.getList("items.find { it.rank == 2 }.reasons.constraintsMet", String.class)
                .contains("按登记的住址计算：没有实时位置（已配置以住址代替）"));
        // The responder sees about where, never the exact place, until they accept (activity-service shows it).
        as(Tokens.volunteer(rider)).get("/api/v1/assignments/" + offers.getString("items.find { it.rank == 1 }.id"))
                .then().statusCode(200).body("area.latitude", equalTo((float) base.coarse().latitude()));
    }

    @Test
    void aRefusedPingNamesTheFieldAndChangesNothing() {
        GeoPoint base = randomBase();
        UUID rider = rider(base, true, true);
        Instant now = Instant.now();
        assertRefused(ping(rider, at(new GeoPoint(70, base.longitude()), 10, now)), 422, "position");
        assertRefused(ping(rider, at(base, 500, now)), 422, "accuracyMetres");
        assertRefused(ping(rider, at(base, 10, now.plusSeconds(60))), 422, "recordedAt");
        assertRefused(ping(rider, at(base, 10, now.minusSeconds(120))), 422, "recordedAt");
        assertRefused(ping(rider, at(new GeoPoint(95, 0), 10, now)), 400, "position.latitude");
        assertRefused(ping(rider, """
                {"position": {"latitude": 1, "longitude": 2, "system": "MARS"}, "accuracyMetres": 5,
                 "recordedAt": "%s"}""".formatted(now)), 400, "position.system");
        assertRefused(ping(rider, """
                {"position": {"latitude": 1, "longitude": 2}, "recordedAt": "%s"}""".formatted(now)), 400,
                "accuracyMetres");
        as(Tokens.volunteer(rider)).get("/api/v1/live-positions/" + rider).then().statusCode(404);

        ping(rider, at(base, 10, now)).statusCode(200);
        ping(rider, at(north(base, 50), 10, now.plusMillis(500))).statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        ping(rider, at(base, 10, now)).statusCode(200); // the phone's retry of what is held
        as(Tokens.volunteer(rider)).get("/api/v1/live-positions/" + rider).then().statusCode(200)
                .body("position.latitude", equalTo((float) base.latitude()));

        UUID someoneElse = UUID.randomUUID();
        as(Tokens.volunteer(someoneElse)).contentType(ContentType.JSON).body(at(base, 10, now))
                .put("/api/v1/live-positions/" + rider).then().statusCode(403);
        as(MatchingFixtures.ADMIN).get("/api/v1/live-positions/" + rider).then().statusCode(403);
    }

    @Test
    void offDutyOrWithoutConsentNoPingIsTakenAndWhatWasHeldIsForgottenAtOnce() {
        GeoPoint base = randomBase();
        UUID noConsent = rider(base, true, false);
        assertRefused(ping(noConsent, at(base, 10, Instant.now())), 409, "livePositionConsent");
        UUID offDuty = rider(base, false, true);
        assertRefused(ping(offDuty, at(base, 10, Instant.now())), 409, "onDuty");
        UUID unknown = UUID.randomUUID();
        assertRefused(ping(unknown, at(base, 10, Instant.now())), 409, "volunteerId");

        GeoPoint home = north(base, 5_000);
        UUID rider = rider(home, true, true);
        ping(rider, at(base, 10, Instant.now())).statusCode(200);
        change(rider, home, false, true); // goes off duty
        as(Tokens.volunteer(rider)).get("/api/v1/live-positions/" + rider).then().statusCode(404);
        assertRefused(ping(rider, at(base, 10, Instant.now())), 409, "onDuty");

        change(rider, home, true, true);
        ping(rider, at(base, 10, Instant.now())).statusCode(200);
        change(rider, home, true, false); // withdraws the consent
        as(Tokens.volunteer(rider)).get("/api/v1/live-positions/" + rider).then().statusCode(404);

        // An emergency where the rider was: the forgotten position is not used, the responder at home is offered.
        UUID atHome = responder(north(base, 300), "first-aid");
        UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);
        List<String> offered = awaitAssignments(needId, page -> page.getList("items.volunteerId")
                .contains(atHome.toString()), "the offer to " + atHome).getList("items.volunteerId");
        assertFalse(offered.contains(rider.toString()), offered.toString());
    }

    @Test
    void aRiderMayStopSharingAtAnyTime() {
        GeoPoint base = randomBase();
        UUID rider = rider(base, true, true);
        ping(rider, at(base, 10, Instant.now())).statusCode(200)
                .body("position.system", containsString("WGS84"));
        as(Tokens.volunteer(rider)).delete("/api/v1/live-positions/" + rider).then().statusCode(204);
        as(Tokens.volunteer(rider)).get("/api/v1/live-positions/" + rider).then().statusCode(404);
    }
}
