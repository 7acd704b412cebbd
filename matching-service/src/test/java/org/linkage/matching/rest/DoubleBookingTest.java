package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.need.Urgency;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** A volunteer never holds two accepted assignments that overlap in time; PostgreSQL is what refuses it. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DoubleBookingTest {

    @TestHTTPResource("/api/v1/assignments")
    URI assignmentsUri;

    static TimeWindow shifted(TimeWindow window, Duration by) {
        return new TimeWindow(window.start().plus(by), window.end().plus(by));
    }

    static String offerOf(UUID needId) {
        return awaitAssignments(needId, 1).getString("items[0].id");
    }

    @Test
    void ofTwentyConcurrentAcceptsOfOverlappingOffersByOneVolunteerExactlyOneWins() {
        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 400), true, "escort");
        TimeWindow window = tomorrow();
        // Twenty needs whose windows all overlap the first one's, each shifted a few minutes.
        List<UUID> needIds = IntStream.range(0, 20)
                .mapToObj(i -> raise("escort", base, Urgency.URGENT, 1, shifted(window, Duration.ofMinutes(3L * i))))
                .toList();
        List<String> offers = needIds.stream().map(DoubleBookingTest::offerOf).toList();

        List<HttpResponse<String>> responses = MatchingFixtures.postAtOnce(offers.stream()
                .map(offer -> URI.create(assignmentsUri + "/" + offer + "/accept")).toList(),
                Tokens.volunteer(volunteerId));

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count(), responses.toString());
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 409).toList();
        assertEquals(19, refused.size(), responses.toString());
        refused.forEach(r -> {
            assertEquals(Optional.of("application/problem+json"), r.headers().firstValue("Content-Type"));
            assertTrue(r.body().contains("时间重叠"), r.body());
        });
        asAdmin().get("/api/v1/assignments?size=100&status=ACCEPTED&volunteerId=" + volunteerId)
                .then().body("totalItems", equalTo(1));
        asAdmin().get("/api/v1/assignments?size=100&status=OFFERED&volunteerId=" + volunteerId)
                .then().body("totalItems", equalTo(19));
        UUID winner = needIds.get(IntStream.range(0, 20).filter(i -> responses.get(i).statusCode() == 200)
                .findFirst().orElseThrow());
        awaitEvent(AssignmentAccepted.TYPE, e -> e.aggregateId().equals(winner.toString()));
        assertEquals(1, needIds.stream().mapToInt(needId -> eventsOf(needId, AssignmentAccepted.TYPE).size()).sum());
    }

    @Test
    void backToBackWindowsDoNotOverlapButAnOverlappingAcceptIsAConflict() {
        GeoPoint base = randomBase();
        volunteer(north(base, 700), true, "tutoring");
        TimeWindow window = tomorrow();
        String first = offerOf(raise("tutoring", base, Urgency.ROUTINE, 1, window));
        String overlapping = offerOf(raise("tutoring", base, Urgency.ROUTINE, 1,
                shifted(window, Duration.ofMinutes(119))));
        String backToBack = offerOf(raise("tutoring", base, Urgency.ROUTINE, 1, shifted(window, Duration.ofHours(2))));

        asAdmin().post("/api/v1/assignments/" + first + "/accept").then().statusCode(200);
        asAdmin().post("/api/v1/assignments/" + overlapping + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("与当前状态冲突"))
                .body("detail", containsString("时间重叠"));
        asAdmin().get("/api/v1/assignments/" + overlapping).then().body("status", equalTo("OFFERED"));
        asAdmin().post("/api/v1/assignments/" + backToBack + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aVolunteerCommittedAtTheSameTimeIsNotOfferedAnother() {
        GeoPoint base = randomBase();
        UUID committed = volunteer(north(base, 300), true, "repairs");
        UUID free = volunteer(north(base, 3_000), true, "repairs");
        TimeWindow window = tomorrow();
        asAdmin().post("/api/v1/assignments/" + offerOf(raise("repairs", base, Urgency.ROUTINE, 1, window)) + "/accept")
                .then().statusCode(200);

        UUID sameTime = raise("repairs", base, Urgency.ROUTINE, 1, shifted(window, Duration.ofMinutes(30)));
        assertEquals(free.toString(), awaitAssignments(sameTime, 1).getString("items[0].volunteerId"));
        UUID nextDay = raise("repairs", base, Urgency.ROUTINE, 1, shifted(window, Duration.ofDays(1)));
        JsonPath nextDayOffers = awaitAssignments(nextDay, 1);
        assertEquals(committed.toString(), nextDayOffers.getString("items[0].volunteerId"));
    }
}
