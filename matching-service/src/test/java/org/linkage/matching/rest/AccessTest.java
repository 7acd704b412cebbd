package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.pairing.PairingProposed;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.matching.rest.MatchingFixtures.as;
import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.send;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** Object-level rules: a volunteer acts on their own offers only, a social worker on their community's needs. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AccessTest {

    static final String COMMUNITY = "xinhua-road";
    static final String OWN_SOCIAL_WORKER = Tokens.socialWorker("sw-liu", COMMUNITY);
    static final String OTHER_SOCIAL_WORKER = Tokens.socialWorker("sw-wang", "other-road");

    static UUID raiseInCommunity(GeoPoint place, int volunteersNeeded) {
        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(needId).category("home-visit")
                .requiredSkill("elder-care").location(place).window(tomorrow()).urgency(Urgency.ROUTINE)
                .volunteersNeeded(volunteersNeeded).requestedBy("sw-liu").summary("Weekly visit")
                .community(COMMUNITY).build());
        return needId;
    }

    @Test
    void aVolunteerSeesAndAnswersOnlyTheirOwnOffers() {
        GeoPoint base = randomBase();
        UUID mine = volunteer(north(base, 100), true, "elder-care");
        UUID theirs = volunteer(north(base, 200), true, "elder-care");
        UUID needId = raiseInCommunity(base, 2);
        var offers = awaitAssignments(needId, 2);
        String myOffer = offers.getString("items.find { it.volunteerId == '" + mine + "' }.id");
        String theirOffer = offers.getString("items.find { it.volunteerId == '" + theirs + "' }.id");
        String me = Tokens.volunteer(mine);

        as(me).get("/api/v1/assignments?status=OFFERED").then().statusCode(200)
                .body("items.volunteerId", everyItem(equalTo(mine.toString()))).body("totalItems", equalTo(1));
        as(me).get("/api/v1/assignments?volunteerId=" + theirs).then().statusCode(403)
                .contentType("application/problem+json");
        as(me).get("/api/v1/assignments/" + theirOffer).then().statusCode(403);
        as(me).post("/api/v1/assignments/" + theirOffer + "/accept").then().statusCode(403)
                .contentType("application/problem+json");
        as(me).contentType(ContentType.JSON).body("{}").post("/api/v1/assignments/" + theirOffer + "/decline")
                .then().statusCode(403);
        asAdmin().get("/api/v1/assignments/" + theirOffer).then().body("status", equalTo("OFFERED"));

        as(me).get("/api/v1/assignments/" + myOffer).then().statusCode(200).body("reasons.score.total",
                equalTo(offers.getFloat("items.find { it.volunteerId == '" + mine + "' }.reasons.score.total")));
        as(me).post("/api/v1/assignments/" + myOffer + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as(me).post("/api/v1/assignments/" + myOffer + "/withdraw").then().statusCode(403);
        as(me).get("/api/v1/candidates/" + mine).then().statusCode(200)
                .body("volunteerId", equalTo(mine.toString()));
        as(me).get("/api/v1/candidates/" + theirs).then().statusCode(403);
    }

    @Test
    void aSocialWorkerActsOnlyOnTheirCommunitysNeeds() {
        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 100), true, "elder-care");
        UUID other = volunteer(north(base, 900), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1);
        String offer = awaitAssignments(needId, 1).getString("items[0].id");

        as(OTHER_SOCIAL_WORKER).get("/api/v1/assignments/" + offer).then().statusCode(403);
        as(OTHER_SOCIAL_WORKER).get("/api/v1/assignments?needId=" + needId).then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(OTHER_SOCIAL_WORKER).post("/api/v1/assignments/" + offer + "/withdraw").then().statusCode(403)
                .contentType("application/problem+json");
        as(OTHER_SOCIAL_WORKER).contentType(ContentType.JSON).body(Map.of("volunteerId", other.toString()))
                .post("/api/v1/needs/" + needId + "/assignments").then().statusCode(403);
        asAdmin().get("/api/v1/assignments/" + offer).then().body("status", equalTo("OFFERED"));
        assertEquals(1, asAdmin().get("/api/v1/assignments?needId=" + needId).jsonPath().getInt("totalItems"));

        as(OWN_SOCIAL_WORKER).get("/api/v1/assignments?needId=" + needId).then().statusCode(200)
                .body("items[0].volunteerId", equalTo(volunteerId.toString()))
                .body("items[0].reasons.constraintsMet.size()", equalTo(6));
        as(OWN_SOCIAL_WORKER).post("/api/v1/assignments/" + offer + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void aPairingIsReadAndApprovedOnlyWithinItsCommunity() {
        GeoPoint base = randomBase();
        UUID tutor = volunteer(north(base, 300), true, "tutoring");
        var window = tomorrow();
        String location = as(OWN_SOCIAL_WORKER).contentType(ContentType.JSON).body(Map.of(
                        "category", "one-to-one-tutoring",
                        "firstSession", Map.of("start", window.start().toString(), "end", window.end().toString()),
                        "beneficiaries", List.of(Map.of("beneficiaryRef", UUID.randomUUID().toString(),
                                "requiredSkill", "tutoring",
                                "location", Map.of("latitude", base.latitude(), "longitude", base.longitude()))),
                        "volunteerIds", List.of(tutor.toString())))
                .post("/api/v1/pairings").then().statusCode(201).extract().header("Location");

        as(OTHER_SOCIAL_WORKER).get(location).then().statusCode(403);
        as(OTHER_SOCIAL_WORKER).post(location + "/approval").then().statusCode(403);
        as(Tokens.volunteer(tutor)).get(location).then().statusCode(403);
        as(OWN_SOCIAL_WORKER).get(location).then().statusCode(200).body("status", equalTo("PROPOSED"));
        String pairId = as(OWN_SOCIAL_WORKER).post(location + "/approval").then().statusCode(200)
                .extract().jsonPath().getString("pairs[0].pairId");
        // The pair is proposed to activity-service, in the social worker's name.
        EventEnvelope proposed = awaitEvent(PairingProposed.TYPE,
                e -> e.payload().path("pairingId").asText().equals(pairId));
        assertEquals(tutor.toString(), proposed.payload().path("volunteerId").asText());
        assertEquals("sw-liu", proposed.payload().path("requestedBy").asText());
    }
}
