package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.TrainingCompleted;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.DatedException;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.Kind;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged.WeeklySlot;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.assertEventsConform;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitCandidate;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.awaitIndexed;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.responder;
import static org.linkage.matching.rest.MatchingFixtures.send;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

/** Each hard constraint, continuity, the fatigue cap, the deadline, cancellation and erasure, through events. */
@QuarkusTest
@TestProfile(MatchingRulesTest.SmallFatigueCap.class)
@WithTestResource(InfrastructureTestResource.class)
class MatchingRulesTest {

    public static class SmallFatigueCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkage.matching.weekly-offer-cap", "2");
        }
    }

    /** A need with requirements; the rest as MatchingFixtures' simplest need. */
    static UUID raise(GeoPoint place, int volunteersNeeded, TimeWindow window, List<String> certifications,
                      List<String> training, Integer radiusMetres, UUID beneficiaryRef, Instant deadline,
                      Urgency urgency, String skill) {
        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(needId).category("home-visit").requiredSkill(skill)
                .location(place).window(window).urgency(urgency).volunteersNeeded(volunteersNeeded)
                .requestedBy("social-worker-" + needId).summary("Weekly visit to an elderly resident")
                .requiredCertifications(certifications).requiredTraining(training).radiusMetres(radiusMetres)
                .careCategory("ELDERLY").beneficiaryRef(beneficiaryRef).deadline(deadline).estimatedHours(2.0)
                .community("xinhua-road").build());
        return needId;
    }

    static UUID raise(GeoPoint place, int volunteersNeeded, TimeWindow window, List<String> certifications,
                      List<String> training) {
        return raise(place, volunteersNeeded, window, certifications, training, null, null, null, Urgency.ROUTINE,
                "elder-care");
    }

    static void verify(UUID volunteerId, UUID certificationId, LocalDate expiresOn) {
        send(Topics.VOLUNTEER_EVENTS, CertificationVerified.of(volunteerId, certificationId, "FIRST_AID", expiresOn));
    }

    static NeedUnmatched awaitUnmatched(UUID needId) {
        return awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(NeedUnmatched.class);
    }

    @Test
    void anExpiredCertificateExcludesAndTheOfferSaysWhyTheOtherWasChosen() {
        GeoPoint base = randomBase();
        UUID expired = volunteer(north(base, 200), true, "elder-care");
        UUID withoutCertificate = volunteer(north(base, 300), true, "elder-care");
        UUID inDate = volunteer(north(base, 1_200), true, "elder-care");
        UUID expiredCertificate = UUID.randomUUID();
        LocalDate nextYear = LocalDate.now().plusYears(1);
        verify(expired, expiredCertificate, nextYear);
        send(Topics.VOLUNTEER_EVENTS, CertificationExpired.of(expired, expiredCertificate, "FIRST_AID", nextYear));
        // A verification replayed after the expiry does not revive the certificate.
        verify(expired, expiredCertificate, nextYear);
        verify(inDate, UUID.randomUUID(), nextYear);
        awaitIndexed(inDate, profile -> profile.map(p -> p.certifications().containsKey("FIRST_AID")).orElse(false));
        awaitIndexed(expired, profile -> profile.isPresent());

        UUID needId = raise(base, 3, tomorrow(), List.of("FIRST_AID"), List.of());

        NeedUnmatched unmatched = awaitUnmatched(needId);
        assertTrue(unmatched.reason().contains("所需 3 名中已邀请或指派 1 名"), unmatched.reason());
        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(List.of(inDate.toString()), offers.getList("items.volunteerId"));
        // Stored in English, written in the reader's language: English on request, Chinese by default.
        asAdmin().header("Accept-Language", "en").get("/api/v1/assignments/" + offers.getString("items[0].id"))
                .then().statusCode(200)
                .body("reasons.constraintsMet", hasItem("certification FIRST_AID in date (counts until "
                        + nextYear + ")"))
                .body("reasons.constraintsMet", hasItem("skill elder-care at level 1"))
                .body("reasons.score.total", greaterThan(0f))
                .body("reasons.score.continuity", equalTo(0f));
        assertTrue(awaitIndexed(expired, profile -> true).orElseThrow().certifications().isEmpty());
        assertTrue(awaitIndexed(withoutCertificate, profile -> true).orElseThrow().certifications().isEmpty());
    }

    @Test
    void unavailableAtTheNeedsTimeExcludes() {
        GeoPoint base = randomBase();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        TimeWindow window = new TimeWindow(day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                day.atTime(12, 0).toInstant(ZoneOffset.UTC));
        UUID afternoonsOnly = volunteer(north(base, 100), true, "elder-care");
        UUID awayThatDay = volunteer(north(base, 200), true, "elder-care");
        UUID available = volunteer(north(base, 2_000), true, "elder-care");
        availability(afternoonsOnly, List.of(new WeeklySlot(day.getDayOfWeek(), LocalTime.of(13, 0),
                LocalTime.of(18, 0))), List.of());
        availability(awayThatDay, List.of(new WeeklySlot(day.getDayOfWeek(), LocalTime.of(9, 0),
                LocalTime.of(13, 0))), List.of(new DatedException(day, Kind.AWAY, null, null)));
        availability(available, List.of(new WeeklySlot(day.getDayOfWeek(), LocalTime.of(9, 0),
                LocalTime.of(13, 0))), List.of());

        UUID needId = raise(base, 3, window, List.of(), List.of());

        awaitUnmatched(needId);
        assertEquals(List.of(available.toString()), awaitAssignments(needId, 1).getList("items.volunteerId"));
        asAdmin().get("/api/v1/assignments?needId=" + needId).then()
                .body("items[0].reasons.constraintsMet", hasItem("可服务时间 " + day + " 10:00 – " + day
                        + " 12:00（UTC）"));
    }

    static void availability(UUID volunteerId, List<WeeklySlot> slots, List<DatedException> exceptions) {
        send(Topics.VOLUNTEER_EVENTS, VolunteerAvailabilityChanged.of(volunteerId, "UTC", slots, exceptions, 20));
        awaitIndexed(volunteerId, profile -> profile.map(p -> p.availability().weeklySlots() != null
                && p.availability().weeklySlots().size() == slots.size()
                && p.availability().exceptions().size() == exceptions.size()).orElse(false));
    }

    @Test
    void requiredTrainingMustHaveBeenCompleted() {
        GeoPoint base = randomBase();
        volunteer(north(base, 100), true, "elder-care");
        UUID trained = volunteer(north(base, 900), true, "elder-care");
        send(Topics.VOLUNTEER_EVENTS, TrainingCompleted.of(trained, "ETHICS-101", LocalDate.now().minusDays(3),
                null));
        awaitIndexed(trained, profile -> profile.map(p -> p.training().containsKey("ETHICS-101")).orElse(false));

        UUID needId = raise(base, 1, tomorrow(), List.of(), List.of("ETHICS-101"));

        assertEquals(trained.toString(), awaitAssignments(needId, 1).getString("items[0].volunteerId"));
        asAdmin().get("/api/v1/assignments?needId=" + needId).then()
                .body("items[0].reasons.constraintsMet", hasItem("已完成培训 ETHICS-101"));
    }

    @Test
    void whoServedTheBeneficiaryBeforeWinsATie() {
        GeoPoint base = randomBase();
        // Both at the same distance, same level, nothing offered before: only continuity tells them apart.
        UUID one = volunteer(north(base, 500), true, "elder-care");
        UUID other = volunteer(north(base, -500), true, "elder-care");
        UUID beneficiary = UUID.randomUUID();
        TimeWindow first = tomorrow();
        UUID firstNeed = raise(base, 1, first, List.of(), List.of(), null, beneficiary, null, Urgency.ROUTINE,
                "elder-care");
        String firstOffer = awaitAssignments(firstNeed, 1).getString("items[0].id");
        String firstVolunteer = awaitAssignments(firstNeed, 1).getString("items[0].volunteerId");
        UUID servedBefore = firstVolunteer.equals(one.toString()) ? other : one;
        // The social worker gives the first visit to the one ranked second.
        asAdmin().contentType(ContentType.JSON).body("{\"volunteerId\": \"" + servedBefore + "\"}")
                .post("/api/v1/needs/" + firstNeed + "/assignments").then().statusCode(201)
                .body("reasons.constraintsMet", contains("由社工人工指派"))
                .body("reasons.score", nullValue());
        asAdmin().get("/api/v1/assignments/" + firstOffer).then().body("status", equalTo("STOOD_DOWN"));

        UUID nextVisit = raise(base, 1, new TimeWindow(first.start().plus(7, ChronoUnit.DAYS),
                first.end().plus(7, ChronoUnit.DAYS)), List.of(), List.of(), null, beneficiary, null,
                Urgency.ROUTINE, "elder-care");

        JsonPath offers = awaitAssignments(nextVisit, 1);
        assertEquals(servedBefore.toString(), offers.getString("items[0].volunteerId"));
        assertEquals(1.0f, offers.getFloat("items[0].reasons.score.continuity"));
    }

    @Test
    void theFatigueCapHoldsAndTheNextVolunteerIsOffered() {
        GeoPoint base = randomBase();
        UUID near = volunteer(north(base, 100), true, "elder-care");
        UUID far = volunteer(north(base, 3_000), true, "elder-care");
        TimeWindow window = tomorrow();
        for (int day = 0; day < 2; day++) {
            UUID needId = raise(base, 1, new TimeWindow(window.start().plus(day, ChronoUnit.DAYS),
                    window.end().plus(day, ChronoUnit.DAYS)), List.of(), List.of());
            assertEquals(near.toString(), awaitAssignments(needId, 1).getString("items[0].volunteerId"));
        }

        UUID third = raise(base, 1, new TimeWindow(window.start().plus(2, ChronoUnit.DAYS),
                window.end().plus(2, ChronoUnit.DAYS)), List.of(), List.of());

        JsonPath offers = awaitAssignments(third, 1);
        assertEquals(far.toString(), offers.getString("items[0].volunteerId"));
        asAdmin().get("/api/v1/assignments?status=OFFERED&volunteerId=" + near).then().body("totalItems", equalTo(2));
    }

    @Test
    void aNeedsOwnRadiusLimitsTheSearch() {
        GeoPoint base = randomBase();
        volunteer(north(base, 1_500), true, "elder-care");

        UUID needId = raise(base, 1, tomorrow(), List.of(), List.of(), 1_000, null, null, Urgency.ROUTINE,
                "elder-care");

        NeedUnmatched unmatched = awaitUnmatched(needId);
        assertTrue(unmatched.reason().startsWith("1000 米范围内没有具备技能 elder-care"), unmatched.reason());
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("totalItems", equalTo(0));
    }

    @Test
    void anEmergencyGoesOnlyToOnDutyRespondersWithTheCertificateInDate() {
        GeoPoint base = randomBase();
        UUID uncertified = responder(north(base, 50), "first-aid");
        UUID certified = responder(north(base, 300), "first-aid");
        verify(certified, UUID.randomUUID(), LocalDate.now().plusMonths(6));
        awaitIndexed(certified, profile -> profile.map(p -> p.certifications().containsKey("FIRST_AID"))
                .orElse(false));
        awaitCandidate(uncertified, candidate -> true);

        UUID needId = raise(base, 1, tomorrow(), List.of("FIRST_AID"), List.of(), null, null, null,
                Urgency.EMERGENCY, "first-aid");

        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(List.of(certified.toString()), offers.getList("items.volunteerId"));
        assertEquals(300, offers.getInt("items[0].distanceMetres"));
    }

    @Test
    void aNeedWhoseDeadlineIsNearEscalatesWhileItsOfferIsStillOpen() {
        GeoPoint base = randomBase();
        volunteer(north(base, 400), true, "elder-care");

        // Matched by in ten minutes, escalated two hours before: due at once.
        UUID needId = raise(base, 1, tomorrow(), List.of(), List.of(), null, null,
                Instant.now().plus(10, ChronoUnit.MINUTES), Urgency.ROUTINE, "elder-care");

        NeedUnmatched unmatched = awaitUnmatched(needId);
        assertTrue(unmatched.reason().contains("所需 1 名志愿者中仅 0 名已接受"), unmatched.reason());
        assertEquals(1, unmatched.candidatesTried());
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("items[0].status", equalTo("OFFERED"));
        assertEventsConform(needId);
    }

    @Test
    void aCancelledNeedsOffersAreWithdrawnAndItsAcceptedVolunteersReleased() {
        GeoPoint base = randomBase();
        UUID first = volunteer(north(base, 100), true, "elder-care");
        volunteer(north(base, 200), true, "elder-care");
        TimeWindow window = tomorrow();
        UUID needId = raise(base, 2, window, List.of(), List.of());
        JsonPath offers = awaitAssignments(needId, 2);
        String accepted = offers.getString("items.find { it.volunteerId == '" + first + "' }.id");
        String open = offers.getString("items.find { it.volunteerId != '" + first + "' }.id");
        asAdmin().post("/api/v1/assignments/" + accepted + "/accept").then().statusCode(200);

        EventEnvelope cancelled = EventEnvelope.wrap(NeedCancelled.of(needId, "social-worker-" + needId,
                "The resident moved"), Instant.now(), null);
        TopicProbe.send(Topics.NEED_EVENTS, cancelled);
        TopicProbe.send(Topics.NEED_EVENTS, cancelled);

        awaitAssignments(needId, page -> page.getList("items.status").containsAll(List.of("RELEASED", "WITHDRAWN")),
                "released and withdrawn");
        asAdmin().get("/api/v1/assignments/" + accepted).then().body("status", equalTo("RELEASED"));
        AssignmentWithdrawn withdrawn = awaitEvent(AssignmentWithdrawn.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(open)).payloadAs(AssignmentWithdrawn.class);
        assertEquals(needId, withdrawn.needId());
        // The volunteer who had accepted is told too (notification-service turns it into a message).
        awaitEvent(AssignmentWithdrawn.TYPE, e -> e.payload().path("assignmentId").asText().equals(accepted));
        // The released volunteer is free at that time again.
        UUID sameTime = raise(base, 1, window, List.of(), List.of());
        assertEquals(first.toString(), awaitAssignments(sameTime, 1).getString("items[0].volunteerId"));
        assertEquals(2, eventsOf(needId, AssignmentWithdrawn.TYPE).size(), "one per assignment, despite redelivery");
        asAdmin().get("/api/v1/assignments?needId=" + needId).then()
                .body("items.status", containsInAnyOrder("RELEASED", "WITHDRAWN"));
        assertEventsConform(needId);
    }

    @Test
    void offersAndTheirOutcomesAreCountedAndTheTimesMeasured() {
        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 300), true, "elder-care");
        UUID needId = raise(base, 1, tomorrow(), List.of(), List.of());
        String offer = awaitAssignments(needId, 1).getString("items[0].id");
        asAdmin().post("/api/v1/assignments/" + offer + "/accept").then().statusCode(200);

        String metrics = asAdmin().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("linkage_offers_outcome_total{outcome=\"offered\"}"), metrics);
        assertTrue(metrics.contains("linkage_offers_outcome_total{outcome=\"accepted\"}"), metrics);
        assertTrue(metrics.contains("linkage_matching_time_to_first_offer_seconds_count"), metrics);
        assertTrue(metrics.contains("linkage_matching_time_to_acceptance_seconds_count"), metrics);
        asAdmin().get("/api/v1/assignments/" + offer).then().body("volunteerId", equalTo(volunteerId.toString()));
    }

    @Test
    void anErasedVolunteerIsForgottenAndNotBroughtBack() {
        GeoPoint base = randomBase();
        UUID erased = UUID.randomUUID();
        send(Topics.VOLUNTEER_EVENTS, VolunteerRegistered.of(new MatchingProfile(erased,
                List.of("elder-care"), north(base, 100), false, true, Map.of("elder-care", 4), "xinhua-road",
                List.of("zh", "en"), false, null)));
        awaitCandidate(erased, candidate -> true);
        asAdmin().get("/api/v1/candidates/" + erased).then().body("skillLevels.elder-care", equalTo(4))
                .body("community", equalTo("xinhua-road")).body("languages", contains("zh", "en"));

        send(Topics.VOLUNTEER_EVENTS, VolunteerErased.of(erased));
        awaitCandidate(erased, candidate -> candidate.erasedAt != null);
        // A change replayed after the erasure does not bring the person back.
        send(Topics.VOLUNTEER_EVENTS, VolunteerChanged.of(erased, List.of("elder-care"),
                north(base, 100), false, true));
        UUID other = volunteer(north(base, 2_000), true, "elder-care");

        UUID needId = raise(base, 1, tomorrow(), List.of(), List.of());

        assertEquals(other.toString(), awaitAssignments(needId, 1).getString("items[0].volunteerId"));
        asAdmin().get("/api/v1/candidates/" + erased).then().statusCode(200)
                .body("skills", equalTo(List.of()))
                .body("located", equalTo(false)).body("active", equalTo(false)).body("community", nullValue());
    }
}
