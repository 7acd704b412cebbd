package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.domain.SharedFixes;
import org.linkage.matching.domain.SharedFixesTest.Recorder;
import org.linkage.matching.repository.LivePositionChannel;
import org.linkage.matching.service.CandidateIndex;
import org.linkage.matching.service.LivePositionSharing;
import org.linkage.testing.Eventually;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.as;
import static org.linkage.matching.rest.MatchingFixtures.await;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitCandidate;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.send;

/**
 * Replicas share live positions: the test plays a second matching replica on the same PostgreSQL channel, hears
 * what this one tells and tells it fixes of its own. Two real matching JVMs are not started here.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class LivePositionSharingTest {

    @Inject
    LivePositionChannel channel;

    @Inject
    LivePositionSharing sharing;

    @Inject
    CandidateIndex index;

    private static Recorder listenUntil(LivePositionChannel.Session other, Recorder heard, Predicate<Recorder> done)
            throws SQLException {
        Eventually.latest("what the other replica hears", () -> receive(other, heard, 200), done,
                Duration.ofSeconds(10));
        assertTrue(done.test(heard), "heard " + heard.fixes.keySet() + " " + heard.others);
        return heard;
    }

    /** Adds what the session hears within the wait to the recorder, and returns it. */
    private static Recorder receive(LivePositionChannel.Session session, Recorder heard, int waitMillis) {
        try {
            session.receive(waitMillis).forEach(payload -> SharedFixes.read(payload, heard));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return heard;
    }

    private UUID rider(GeoPoint home, boolean onDuty) {
        UUID id = UUID.randomUUID();
        change(id, home, onDuty);
        return id;
    }

    private void change(UUID id, GeoPoint home, boolean onDuty) {
        send(Topics.VOLUNTEER_EVENTS, VolunteerChanged.of(new MatchingProfile(id, List.of("first-aid"), home, onDuty,
                true, Map.of(), null, List.of(), true, null)));
        awaitCandidate(id, candidate -> candidate.onDuty == onDuty);
        await(() -> index.live().isRostered(id), rostered -> rostered == onDuty, "the roster of " + id);
    }

    private static void ping(UUID rider, GeoPoint position, Instant recordedAt) {
        as(Tokens.volunteer(rider)).contentType(ContentType.JSON).body("""
                        {"position": {"latitude": %s, "longitude": %s}, "accuracyMetres": 15, "recordedAt": "%s"}"""
                        .formatted(position.latitude(), position.longitude(), recordedAt))
                .put("/api/v1/live-positions/" + rider).then().statusCode(200);
    }

    @Test
    void fixesPingedHereReachTheOtherReplicaAndItsFixesRankEmergenciesHere() throws Exception {
        await(sharing::isListening, listening -> listening, "sharing listening");
        try (LivePositionChannel.Session other = channel.listen()) {
            GeoPoint base = randomBase();
            UUID pingedHere = rider(north(base, 5_000), true);
            UUID pingedThere = rider(north(base, 6_000), true);
            Instant now = Instant.now();
            ping(pingedHere, north(base, 100), now);
            Recorder heard = listenUntil(other, new Recorder(), h -> h.fixes.containsKey(pingedHere));
            assertEquals(north(base, 100), heard.fixes.get(pingedHere).position());
            assertEquals(15, heard.fixes.get(pingedHere).accuracyMetres());

            // The other replica took a ping 200 m from the coming emergency; this one fans it out.
            SharedFixes.Batch batch = new SharedFixes.Batch();
            batch.accept(pingedThere, new LivePositions.Fix(north(base, 200).latitude(), base.longitude(), 20,
                    now.toEpochMilli(), now.toEpochMilli()));
            other.send(batch.payloads());
            await(() -> index.live().isTracked(pingedThere, System.currentTimeMillis()), tracked -> tracked,
                    "the fix from the other replica");
            as(Tokens.volunteer(pingedThere)).get("/api/v1/live-positions/" + pingedThere).then().statusCode(200)
                    .body("accuracyMetres", equalTo(20));

            UUID needId = raise("first-aid", base, Urgency.EMERGENCY, 1);
            JsonPath offers = awaitAssignments(needId, 2);
            assertEquals(pingedHere.toString(), offers.getString("items.find { it.rank == 1 }.volunteerId"));
            assertEquals(pingedThere.toString(), offers.getString("items.find { it.rank == 2 }.volunteerId"));
            assertEquals(200, offers.getInt("items.find { it.rank == 2 }.distanceMetres"));
            // What came from the other replica is not told back to it.
            Recorder later = new Recorder();
            Eventually.holds("nothing told back", () -> receive(other, later, 300),
                    told -> !told.fixes.containsKey(pingedThere), Duration.ofMillis(2_500));
        }
    }

    @Test
    void withdrawalsAndDropsAreToldAtOnceAndTakenAtOnce() throws Exception {
        await(sharing::isListening, listening -> listening, "sharing listening");
        try (LivePositionChannel.Session other = channel.listen()) {
            GeoPoint base = randomBase();
            UUID withdraws = rider(base, true);
            UUID goesOffDuty = rider(base, true);
            UUID droppedThere = rider(base, true);
            Instant now = Instant.now();
            for (UUID id : List.of(withdraws, goesOffDuty, droppedThere)) {
                ping(id, base, now);
            }
            as(Tokens.volunteer(withdraws)).delete("/api/v1/live-positions/" + withdraws).then().statusCode(204);
            change(goesOffDuty, base, false);
            Recorder heard = listenUntil(other, new Recorder(), h -> h.others.size() >= 2);
            assertEquals(List.of("forgotten " + withdraws, "dropped " + goesOffDuty), heard.others);

            // The other replica took the volunteer off its roster: this one forgets the position at once too. (Not
            // "off the roster": the database still has them on duty here, so the index's refresh may enrol them
            // again, without a position.)
            other.send(List.of(SharedFixes.dropped(droppedThere)));
            await(() -> index.live().isTracked(droppedThere, System.currentTimeMillis()), tracked -> !tracked,
                    "dropped " + droppedThere);
            as(Tokens.volunteer(droppedThere)).get("/api/v1/live-positions/" + droppedThere).then()
                    .statusCode(404);
        }
    }
}
