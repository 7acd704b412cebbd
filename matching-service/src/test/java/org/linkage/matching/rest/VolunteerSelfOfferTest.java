package org.linkage.matching.rest;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentProposed;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.AssignmentWithdrawn.Withdrawer;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.pairing.PairingActivated;
import org.linkage.matching.repository.PairedBeneficiaryRepository;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.as;
import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.linkage.matching.rest.MatchingFixtures.assertEventsConform;
import static org.linkage.matching.rest.MatchingFixtures.await;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.send;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/**
 * A volunteer offers themselves for an open need they found nearby; the need's social worker confirms or refuses,
 * the volunteer may withdraw. The self-offering volunteers live beyond the need's radius, so that matching never
 * offered them the need by itself.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VolunteerSelfOfferTest {

    static final String COMMUNITY = "xinhua-road";
    static final String SOCIAL_WORKER = Tokens.socialWorker("sw-liu", COMMUNITY);
    static final String OTHER_SOCIAL_WORKER = Tokens.socialWorker("sw-wang", "other-road");
    /** Beyond the default radius of 20 km: found by browsing, never offered by matching. */
    static final double FAR = 30_000;

    static Response offerSelf(UUID volunteerId, UUID needId, String idempotencyKey) {
        var request = as(Tokens.volunteer(volunteerId));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/needs/" + needId + "/volunteer-offers");
    }

    static ValidatableResponse refused(Response response, int status, String field) {
        ValidatableResponse then = response.then().statusCode(status).contentType("application/problem+json");
        return field == null ? then : then.body("violations[0].field", equalTo(field));
    }

    static UUID raiseInCommunity(GeoPoint place, int volunteersNeeded, List<String> certifications,
                                 String careCategory, UUID beneficiaryRef) {
        return raiseInCommunity(place, volunteersNeeded, certifications, careCategory, beneficiaryRef, tomorrow(),
                Urgency.ROUTINE);
    }

    static UUID raiseInCommunity(GeoPoint place, int volunteersNeeded, List<String> certifications,
                                 String careCategory, UUID beneficiaryRef, TimeWindow window, Urgency urgency) {
        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(needId).category("home-visit")
                .requiredSkill("elder-care").location(place).window(window).urgency(urgency)
                .volunteersNeeded(volunteersNeeded).requestedBy("sw-liu").summary("Weekly visit")
                .requiredCertifications(certifications).careCategory(careCategory).beneficiaryRef(beneficiaryRef)
                .community(COMMUNITY).build());
        return needId;
    }

    /** Waits until matching knows a need nobody is near enough to be offered: it escalated it. */
    static void awaitKnown(UUID needId) {
        awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()));
    }

    @Test
    void aVolunteersOwnOfferConfirmedByTheSocialWorkerIsAcceptedAndStandsDownTheOpenOffer() {
        GeoPoint base = randomBase();
        UUID near = volunteer(north(base, 300), true, "elder-care");
        UUID far = volunteer(north(base, FAR), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null);
        String openOffer = awaitAssignments(needId, 1).getString("items[0].id");

        Response created = offerSelf(far, needId, "self-" + needId);
        created.then().statusCode(201)
                .body("needId", equalTo(needId.toString()))
                .body("volunteerId", equalTo(far.toString()))
                .body("status", equalTo("PROPOSED_BY_VOLUNTEER"))
                .body("rank", equalTo(2))
                .body("distanceMetres", equalTo((int) FAR))
                .body("answeredAt", nullValue())
                .body("reasons.constraintsMet[0]", equalTo("本人主动报名"));
        String selfOffer = created.jsonPath().getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/assignments/" + selfOffer), created.header("Location"));
        // A retry with the same key gets the same offer, not a refusal as a second offer.
        offerSelf(far, needId, "self-" + needId).then().statusCode(201).body("id", equalTo(selfOffer));
        // The volunteer's own offer holds no place: the open offer stays open meanwhile.
        asAdmin().get("/api/v1/assignments/" + openOffer).then().body("status", equalTo("OFFERED"));
        asAdmin().header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/assignments/" + selfOffer).then()
                .statusCode(200).body("reasons.constraintsMet", hasItems("offered themselves", "active"));
        asAdmin().get("/api/v1/assignments/" + selfOffer).then().statusCode(200)
                .body("reasons.constraintsMet", hasItems("本人主动报名", "在册有效", "没有时间冲突的已接受任务"));

        AssignmentProposed proposed = awaitEvent(AssignmentProposed.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(selfOffer)).payloadAs(AssignmentProposed.class);
        assertEquals(AssignmentProposed.of(UUID.fromString(selfOffer), needId, far, "sw-liu"), proposed);
        assertEquals(1, eventsOf(needId, AssignmentProposed.TYPE).size());

        // A volunteer cannot accept their own offer; another community's social worker cannot confirm it.
        as(Tokens.volunteer(far)).post("/api/v1/assignments/" + selfOffer + "/accept").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PROPOSED_BY_VOLUNTEER"));
        as(Tokens.volunteer(far)).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(403);
        as(OTHER_SOCIAL_WORKER).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(403)
                .contentType("application/problem+json");
        // An offer made by matching is the volunteer's to answer, not the social worker's to confirm.
        as(SOCIAL_WORKER).post("/api/v1/assignments/" + openOffer + "/confirm").then().statusCode(409);

        as(SOCIAL_WORKER).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("answeredAt", notNullValue());
        AssignmentAccepted accepted = awaitEvent(AssignmentAccepted.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(selfOffer)).payloadAs(AssignmentAccepted.class);
        assertEquals(far, accepted.volunteerId());
        AssignmentStoodDown stoodDown = awaitEvent(AssignmentStoodDown.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(openOffer)).payloadAs(AssignmentStoodDown.class);
        assertEquals(near, stoodDown.volunteerId());
        asAdmin().get("/api/v1/assignments/" + openOffer).then().body("status", equalTo("STOOD_DOWN"));
        as(SOCIAL_WORKER).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(409);
        assertEventsConform(needId);

        // Filled now: nobody else may offer themselves.
        refused(offerSelf(volunteer(north(base, FAR + 500), true, "elder-care"), needId, null), 409, "needId")
                .body("violations[0].message", containsString("所需的 1 名志愿者已满"));
    }

    @Test
    void theFirstOfTwoConfirmedOwnOffersFillsTheNeedAndTheOtherIsStoodDown() {
        GeoPoint base = randomBase();
        UUID first = volunteer(north(base, FAR), true, "elder-care");
        UUID second = volunteer(north(base, FAR + 1_000), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null);
        awaitKnown(needId);
        String firstOffer = offerSelf(first, needId, null).then().statusCode(201).extract().path("id");
        String secondOffer = offerSelf(second, needId, null).then().statusCode(201).extract().path("id");

        asAdmin().post("/api/v1/assignments/" + firstOffer + "/confirm").then().statusCode(200);
        asAdmin().get("/api/v1/assignments/" + secondOffer).then().body("status", equalTo("STOOD_DOWN"));
        asAdmin().post("/api/v1/assignments/" + secondOffer + "/confirm").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("STOOD_DOWN"));
        awaitEvent(AssignmentStoodDown.TYPE, e -> e.payload().path("assignmentId").asText().equals(secondOffer));
        assertEquals(1, eventsOf(needId, AssignmentAccepted.TYPE).size());
    }

    @Test
    void confirmingIsRefusedWhenTheVolunteerMeanwhileAcceptedAnOverlappingOffer() {
        GeoPoint base = randomBase();
        GeoPoint home = north(base, FAR);
        UUID volunteer = volunteer(home, true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null);
        awaitKnown(needId);
        String selfOffer = offerSelf(volunteer, needId, null).then().statusCode(201).extract().path("id");
        // Meanwhile matching offers them a need at their door at the same time, and they accept it.
        UUID other = raise("elder-care", home, Urgency.ROUTINE, 1);
        String otherOffer = awaitAssignments(other, 1).getString("items[0].id");
        as(Tokens.volunteer(volunteer)).post("/api/v1/assignments/" + otherOffer + "/accept").then().statusCode(200);

        as(SOCIAL_WORKER).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("时间重叠"));
        asAdmin().get("/api/v1/assignments/" + selfOffer).then().body("status", equalTo("PROPOSED_BY_VOLUNTEER"));
        assertEquals(0, eventsOf(needId, AssignmentAccepted.TYPE).size());
    }

    @Test
    void theVolunteerWithdrawsTheirOwnOfferButNotAnOfferMadeToThem() {
        GeoPoint base = randomBase();
        UUID near = volunteer(north(base, 300), true, "elder-care");
        UUID far = volunteer(north(base, FAR), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null);
        String openOffer = awaitAssignments(needId, 1).getString("items[0].id");
        String selfOffer = offerSelf(far, needId, null).then().statusCode(201).extract().path("id");

        as(Tokens.volunteer(near)).post("/api/v1/assignments/" + selfOffer + "/withdraw").then().statusCode(403);
        as(Tokens.volunteer(near)).post("/api/v1/assignments/" + openOffer + "/withdraw").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("拒绝"));
        as(Tokens.volunteer(far)).post("/api/v1/assignments/" + selfOffer + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        AssignmentWithdrawn withdrawn = awaitEvent(AssignmentWithdrawn.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(selfOffer)).payloadAs(AssignmentWithdrawn.class);
        assertEquals(far, withdrawn.volunteerId());
        assertEquals(Withdrawer.VOLUNTEER, withdrawn.withdrawnBy(), "so the social worker, not the volunteer, is told");
        // Withdrawn, it is no longer theirs to withdraw (their accepted assignments are not either).
        as(Tokens.volunteer(far)).post("/api/v1/assignments/" + selfOffer + "/withdraw").then().statusCode(403);
        asAdmin().post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(409);
        asAdmin().get("/api/v1/assignments/" + openOffer).then().body("status", equalTo("OFFERED"));
        asAdmin().header("Accept-Language", "en-GB,en;q=0.9").get("/api/v1/assignments/" + selfOffer).then()
                .statusCode(200).body("reasons.constraintsMet", hasItems("offered themselves", "active"));
        asAdmin().get("/api/v1/assignments/" + selfOffer).then().statusCode(200)
                .body("reasons.constraintsMet", hasItems("本人主动报名", "在册有效", "没有时间冲突的已接受任务"));
        // Once withdrawn, the volunteer was offered the need already: offering again is refused.
        refused(offerSelf(far, needId, null), 409, "volunteerId");
        assertEventsConform(needId);
    }

    @Test
    void theSocialWorkerRefusesAVolunteersOwnOfferAndTheVolunteerHearsItWithdrawn() {
        GeoPoint base = randomBase();
        UUID far = volunteer(north(base, FAR), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null);
        awaitKnown(needId);
        String selfOffer = offerSelf(far, needId, null).then().statusCode(201).extract().path("id");

        as(OTHER_SOCIAL_WORKER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/assignments/" + selfOffer + "/refuse").then().statusCode(403);
        as(SOCIAL_WORKER).contentType(ContentType.JSON).body("{\"reason\": \"" + "x".repeat(501) + "\"}")
                .post("/api/v1/assignments/" + selfOffer + "/refuse").then().statusCode(400)
                .contentType("application/problem+json");
        as(SOCIAL_WORKER).contentType(ContentType.JSON).body("{\"reason\": \"The resident asked for someone else\"}")
                .post("/api/v1/assignments/" + selfOffer + "/refuse").then().statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("declineReason", equalTo("The resident asked for someone else"));
        AssignmentWithdrawn withdrawn = awaitEvent(AssignmentWithdrawn.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(selfOffer)).payloadAs(AssignmentWithdrawn.class);
        assertEquals(far, withdrawn.volunteerId());
        assertEquals(Withdrawer.STAFF, withdrawn.withdrawnBy());
        as(SOCIAL_WORKER).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(409);
        as(SOCIAL_WORKER).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/assignments/" + selfOffer + "/refuse").then().statusCode(409);
        as(Tokens.volunteer(far)).get("/api/v1/assignments/" + selfOffer).then().statusCode(200)
                .body("status", equalTo("REFUSED"));
        assertEventsConform(needId);
    }

    @Test
    void anOwnOfferStillUnconfirmedWhenTheNeedBeginsLapsesAndNobodyIsOfferedTheNeedForIt() {
        GeoPoint base = randomBase();
        UUID far = volunteer(north(base, FAR), true, "elder-care");
        Instant start = Instant.now().plusSeconds(8);
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null, new TimeWindow(start, start.plusSeconds(3600)),
                Urgency.ROUTINE);
        awaitKnown(needId);
        String selfOffer = offerSelf(far, needId, null).then().statusCode(201).extract().path("id");

        AssignmentExpired expired = awaitEvent(AssignmentExpired.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(selfOffer)).payloadAs(AssignmentExpired.class);
        assertTrue(expired.volunteerOffer(), "the volunteer is told their own offer lapsed, not that an offer expired");
        assertEquals(far, expired.volunteerId());
        assertTrue(!expired.expiredAt().isAfter(Instant.now()) && !expired.expiredAt().isBefore(start.minusSeconds(1)),
                expired.expiredAt() + " is the need's start");
        as(Tokens.volunteer(far)).get("/api/v1/assignments/" + selfOffer).then().statusCode(200)
                .body("status", equalTo("EXPIRED"));
        as(SOCIAL_WORKER).post("/api/v1/assignments/" + selfOffer + "/confirm").then().statusCode(409);
        assertEquals(1, awaitAssignments(needId, 1).getList("items").size(), "no offer was made in its place");
        assertEventsConform(needId);
    }

    @Test
    void aCancelledNeedWithdrawsTheVolunteersOwnOffer() {
        GeoPoint base = randomBase();
        UUID far = volunteer(north(base, FAR), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of(), null, null);
        awaitKnown(needId);
        String selfOffer = offerSelf(far, needId, null).then().statusCode(201).extract().path("id");

        send(Topics.NEED_EVENTS, NeedCancelled.of(needId, "sw-liu", "the resident moved"));
        awaitEvent(AssignmentWithdrawn.TYPE, e -> e.payload().path("assignmentId").asText().equals(selfOffer));
        asAdmin().get("/api/v1/assignments/" + selfOffer).then().body("status", equalTo("WITHDRAWN"));
        refused(offerSelf(volunteer(north(base, FAR), true, "elder-care"), needId, null), 409, "needId")
                .body("detail", equalTo("需求 " + needId + " 已取消"));
    }

    @Test
    void aNeedNotOpenToOffersIsRefusedAndNothingChanges() {
        GeoPoint base = randomBase();
        UUID far = volunteer(north(base, FAR), true, "elder-care");
        Instant now = Instant.now();
        UUID begun = raiseInCommunity(base, 1, List.of(), null, null,
                new TimeWindow(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS)), Urgency.ROUTINE);
        UUID emergency = raiseInCommunity(base, 1, List.of(), null, null, tomorrow(), Urgency.EMERGENCY);
        awaitKnown(begun);
        awaitKnown(emergency);

        refused(offerSelf(far, begun, null), 409, "needId").body("violations[0].message", equalTo("已开始"));
        refused(offerSelf(far, emergency, null), 409, "needId")
                .body("violations[0].message", containsString("紧急求助"));
        refused(offerSelf(far, UUID.randomUUID(), null), 404, null);
        asAdmin().get("/api/v1/assignments?volunteerId=" + far).then().body("totalItems", equalTo(0));
        assertEquals(0, eventsOf(begun, AssignmentProposed.TYPE).size());
        assertEquals(0, eventsOf(emergency, AssignmentProposed.TYPE).size());
    }

    @Test
    void aVolunteerWhoDoesNotFitIsRefusedNamingWhatTheyLack() {
        GeoPoint base = randomBase();
        UUID inactive = volunteer(north(base, FAR), false, "elder-care");
        UUID unskilled = volunteer(north(base, FAR), true, "tutoring");
        UUID uncertified = volunteer(north(base, FAR), true, "elder-care");
        UUID offered = volunteer(north(base, 300), true, "elder-care");
        UUID needId = raiseInCommunity(base, 1, List.of("first-aid"), null, null);
        UUID plain = raiseInCommunity(base, 1, List.of(), null, null);
        awaitKnown(needId);
        awaitAssignments(plain, 1);

        refused(offerSelf(inactive, needId, null), 409, "volunteerId")
                .body("violations[0].message", equalTo("不在有效状态"))
                .body("detail", equalTo("志愿者 " + inactive + " 不在有效状态"));
        refused(as(Tokens.volunteer(inactive)).header("Accept-Language", "en")
                .post("/api/v1/needs/" + needId + "/volunteer-offers"), 409, "volunteerId")
                .body("violations[0].message", equalTo("is not active"))
                .body("detail", equalTo("Volunteer " + inactive + " is not active"));
        refused(offerSelf(unskilled, needId, null), 409, "requiredSkill")
                .body("violations[0].message", containsString("elder-care"));
        refused(offerSelf(uncertified, needId, null), 409, "requiredCertifications")
                .body("violations[0].message", containsString("first-aid"));
        // Matching offered them the need already: they answer that offer instead.
        refused(offerSelf(offered, plain, null), 409, "volunteerId")
                .body("violations[0].message", equalTo("已收到过此需求的邀请"));
        refused(offerSelf(UUID.randomUUID(), plain, null), 404, null);
        assertEquals(0, eventsOf(needId, AssignmentProposed.TYPE).size());
        assertEquals(0, eventsOf(plain, AssignmentProposed.TYPE).size());
    }

    @Test
    void aVolunteerCommittedAtTheTimeIsRefused() {
        GeoPoint base = randomBase();
        GeoPoint home = north(base, FAR);
        UUID busy = volunteer(home, true, "elder-care");
        UUID first = raise("elder-care", home, Urgency.ROUTINE, 1);
        as(Tokens.volunteer(busy)).post("/api/v1/assignments/" + awaitAssignments(first, 1).getString("items[0].id")
                + "/accept").then().statusCode(200);
        UUID second = raiseInCommunity(base, 1, List.of(), null, null);
        awaitKnown(second);

        refused(offerSelf(busy, second, null), 409, "volunteerId")
                .body("violations[0].message", equalTo("已接受与该需求时间重叠的任务"));
        asAdmin().get("/api/v1/assignments?needId=" + second + "&volunteerId=" + busy).then()
                .body("totalItems", equalTo(0));
    }

    @Test
    void aChildsNeedIsOnlyForTheVolunteerPairedWithTheChild() {
        GeoPoint base = randomBase();
        UUID stranger = volunteer(north(base, FAR), true, "elder-care");
        UUID paired = volunteer(north(base, FAR + 1_000), true, "elder-care");
        UUID child = UUID.randomUUID();
        send(Topics.PAIRING_EVENTS, PairingActivated.of(UUID.randomUUID(), child, paired, LocalDate.now(),
                LocalDate.now().plusMonths(6), "sw-liu"));
        await(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                        .instance(PairedBeneficiaryRepository.class).get().volunteerOf(child)),
                Optional::isPresent, "the pairing to be followed");
        UUID needId = raiseInCommunity(base, 1, List.of(), "CHILD", child);
        UUID unpairedChildsNeed = raiseInCommunity(base, 1, List.of(), "CHILD", UUID.randomUUID());
        awaitKnown(needId);
        awaitKnown(unpairedChildsNeed);

        refused(offerSelf(stranger, needId, null), 403, null).body("detail", containsString("儿童"));
        refused(offerSelf(stranger, unpairedChildsNeed, null), 403, null);
        offerSelf(paired, needId, null).then().statusCode(201).body("status", equalTo("PROPOSED_BY_VOLUNTEER"));
        asAdmin().get("/api/v1/assignments?volunteerId=" + stranger).then().body("totalItems", equalTo(0));
        awaitEvent(AssignmentProposed.TYPE, e -> e.payload().path("volunteerId").asText().equals(paired.toString()));
    }
}
