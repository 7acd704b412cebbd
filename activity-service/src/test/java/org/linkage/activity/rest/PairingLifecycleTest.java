package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.ActivityFixtures;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.BeneficiaryFixtures;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.Topics;
import org.linkage.events.pairing.PairingConsentRevoked;
import org.linkage.events.pairing.PairingEnded;
import org.linkage.events.pairing.PairingPaused;
import org.linkage.events.pairing.PairingResumed;
import org.linkage.events.pairing.PairingReviewed;
import org.linkage.events.pairing.PairingSessionCancelled;
import org.linkage.events.pairing.PairingSessionCompleted;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.As;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.NeedFixtures.awaitEvents;
import static org.linkage.activity.PairingFixtures.PAIRINGS;
import static org.linkage.activity.PairingFixtures.accepted;
import static org.linkage.activity.PairingFixtures.asVolunteer;
import static org.linkage.activity.PairingFixtures.asWorker;
import static org.linkage.activity.PairingFixtures.child;
import static org.linkage.activity.PairingFixtures.confirm;
import static org.linkage.activity.PairingFixtures.consentBody;
import static org.linkage.activity.PairingFixtures.period;
import static org.linkage.activity.PairingFixtures.propose;
import static org.linkage.activity.PairingFixtures.session;
import static org.linkage.activity.PairingFixtures.awaitStanding;
import static org.linkage.activity.PairingFixtures.trustedVolunteer;
import static org.linkage.activity.PairingFixtures.volunteerEvent;
import static org.linkage.activity.NeedFixtures.awaitValue;

/**
 * A pairing from matching's proposal to its end through the API: confirmation by the responsible social worker, the
 * guardian's consent, acceptance, activation within the volunteer's limit, sessions with hours and the home visit's
 * address, revocation of the consent ending future sessions, re-pairing with history; misuse refused, nothing changed.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class PairingLifecycleTest implements AsAdmin {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @Test
    void fromProposalToSessionsHoursAndRevokedConsent() {
        String marker = marker();
        String worker = "sw-" + marker;
        String childId = child(marker, worker);
        UUID volunteer = trustedVolunteer();
        String id = propose(childId, volunteer, worker);
        String pairing = PAIRINGS + id;

        asWorker(worker).get(pairing).then().statusCode(200).body("status", equalTo("PROPOSED"))
                .body("beneficiaryId", equalTo(childId)).body("volunteerId", equalTo(volunteer.toString()))
                .body("reasons", hasItem("skill tutoring at level 3"));
        // Another social worker of the community, staff of another community, an admin: not the child's worker.
        assertProblem(asWorker("sw-other").post(pairing + "/confirmation").then(), 403);
        assertProblem(As.socialWorker(worker, "elsewhere")
                .post(pairing + "/confirmation").then(), 403);
        assertProblem(given().post(pairing + "/confirmation").then(), 403);
        // The volunteer cannot accept before the guardian consented.
        assertProblem(asVolunteer(volunteer).post(pairing + "/acceptance").then(), 422, "consent", "missing");
        asWorker(worker).get(pairing).then().body("status", equalTo("PROPOSED"));
        // Each refused attempt is audited: who tried what on which pairing.
        given().get("/api/v1/audit-entries?resourceType=Pairing&resourceId=" + id).then().statusCode(200)
                .body("items.actor", hasItem("sw-other"))
                .body("items.purpose", hasItem(org.hamcrest.Matchers.startsWith("confirm refused (403)")))
                .body("items.purpose", hasItem(org.hamcrest.Matchers.startsWith("accept refused (422)")));

        confirm(id, worker);
        assertProblem(asWorker(worker).post(pairing + "/confirmation").then(), 409);
        assertProblem(asWorker(worker).contentType(ContentType.JSON).body(consentBody("Child " + marker, "SELF"))
                .post(pairing + "/consent").then(), 422, "relation", "GUARDIAN");
        assertProblem(asWorker(worker).contentType(ContentType.JSON).body(consentBody("A neighbour", "GUARDIAN"))
                .post(pairing + "/consent").then(), 422, "givenBy", "not the child's guardian");
        asWorker(worker).get(pairing).then().body("status", equalTo("CONFIRMED")).body("consents.size()", equalTo(0));
        asWorker(worker).contentType(ContentType.JSON).body(consentBody("Guardian " + marker, "GUARDIAN"))
                .post(pairing + "/consent").then().statusCode(200).body("status", equalTo("CONSENTED"))
                .body("consents[0].givenBy", equalTo("Guardian " + marker))
                .body("consents[0].method", equalTo("SIGNED_FORM"));

        assertProblem(asVolunteer(UUID.randomUUID()).post(pairing + "/acceptance").then(), 403);
        asVolunteer(volunteer).post(pairing + "/acceptance").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("consents[0].givenBy", nullValue());

        LocalDate today = LocalDate.now(DISTRICT);
        asWorker(worker).contentType(ContentType.JSON).body(period(today.minusDays(1), today.plusDays(90)))
                .post(pairing + "/activation").then().statusCode(200).body("status", equalTo("ACTIVE"));

        // A session outside the pairing's period is refused, and nothing is scheduled.
        Instant beforePeriod = today.minusDays(3).atTime(10, 0).atZone(DISTRICT).toInstant();
        assertProblem(asWorker(worker).contentType(ContentType.JSON)
                .body(session("TUTORING", beforePeriod, beforePeriod.plus(2, ChronoUnit.HOURS)))
                .post(pairing + "/sessions").then(), 422, "startsAt", "outside the pairing's period");
        asWorker(worker).get(pairing + "/sessions").then().statusCode(200).body("size()", equalTo(0));

        // A home visit held earlier today: checked in and out by the social worker, one hour credited.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String held = scheduled(worker, pairing, "HOME_VISIT", now.minus(90, ChronoUnit.MINUTES),
                now.minus(30, ChronoUnit.MINUTES));
        assertProblem(asVolunteer(volunteer).get(pairing + "/sessions/" + held + "/address").then(), 403);
        asWorker(worker).contentType(ContentType.JSON)
                .body("{\"at\": \"%s\"}".formatted(now.minus(90, ChronoUnit.MINUTES)))
                .post(pairing + "/sessions/" + held + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        String statistics = "/api/v1/statistics?community=%s&from=%s&to=%s"
                .formatted(BeneficiaryFixtures.COMMUNITY, today.minusDays(1), today.plusDays(1));
        Number hoursBefore = given().get(statistics).then().statusCode(200).extract().path("serviceHours");
        asWorker(worker).contentType(ContentType.JSON)
                .body("{\"at\": \"%s\"}".formatted(now.minus(25, ChronoUnit.MINUTES)))
                .post(pairing + "/sessions/" + held + "/check-out").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("hours", equalTo(1.0f));
        PairingSessionCompleted completed = awaitEvents(Topics.PAIRING_EVENTS, PairingSessionCompleted.TYPE,
                e -> e.payload().path("sessionId").asText().equals(held), 1).get(0)
                .payloadAs(PairingSessionCompleted.class);
        assertEquals(volunteer, completed.volunteerId());
        assertEquals(0, new BigDecimal("1.00").compareTo(completed.hours()));
        assertEquals(worker, completed.confirmedBy());
        // Counted in the community's statistics.
        Number hoursAfter = given().get(statistics).then().statusCode(200).extract().path("serviceHours");
        assertEquals(1.0, hoursAfter.doubleValue() - hoursBefore.doubleValue(), 1e-6);

        // A home visit under way shows the volunteer the child's address, audited; nobody else gets it.
        String visiting = scheduled(worker, pairing, "HOME_VISIT", now.minus(10, ChronoUnit.MINUTES),
                now.plus(50, ChronoUnit.MINUTES));
        asVolunteer(volunteer).get(pairing + "/sessions/" + visiting + "/address").then().statusCode(200)
                .body("address", equalTo("Lane " + marker + ", Room 401")).body("home.latitude", notNullValue());
        assertProblem(asVolunteer(UUID.randomUUID()).get(pairing + "/sessions/" + visiting + "/address").then(), 403);
        given().get("/api/v1/audit-entries?resourceType=Beneficiary&resourceId=" + childId).then().statusCode(200)
                .body("items.purpose", hasItem("home visit " + visiting));

        // Revoking the consent cancels the sessions still to come and ends the pairing; the held one stays.
        Instant tomorrow = now.plus(1, ChronoUnit.DAYS);
        String future = scheduled(worker, pairing, "OUTING", tomorrow, tomorrow.plus(2, ChronoUnit.HOURS));
        asWorker(worker).contentType(ContentType.JSON).body("{\"reason\": \"The mother withdrew by phone\"}")
                .post(pairing + "/consent/revocation").then().statusCode(200).body("status", equalTo("ENDED"))
                .body("consents[0].revokedAt", notNullValue());
        asWorker(worker).get(pairing + "/sessions").then()
                .body("find { it.id == '%s' }.status".formatted(future), equalTo("CANCELLED"))
                .body("find { it.id == '%s' }.status".formatted(visiting), equalTo("CANCELLED"))
                .body("find { it.id == '%s' }.status".formatted(held), equalTo("COMPLETED"));
        assertProblem(asVolunteer(volunteer).get(pairing + "/sessions/" + visiting + "/address").then(), 403);
        awaitEvents(Topics.PAIRING_EVENTS, PairingSessionCancelled.TYPE,
                e -> e.payload().path("sessionId").asText().equals(future), 1);
        awaitEvents(Topics.PAIRING_EVENTS, PairingConsentRevoked.TYPE, e -> e.aggregateId().equals(id), 1);
        PairingEnded ended = awaitEvents(Topics.PAIRING_EVENTS, PairingEnded.TYPE, e -> e.aggregateId().equals(id), 1)
                .get(0).payloadAs(PairingEnded.class);
        assertEquals(UUID.fromString(childId), ended.beneficiaryRef());
        assertProblem(asWorker(worker).contentType(ContentType.JSON)
                .body(session("TUTORING", tomorrow, tomorrow.plus(1, ChronoUnit.HOURS)))
                .post(pairing + "/sessions").then(), 409);

        List<String> messages = TopicProbe.readAll(Topics.PAIRING_EVENTS).stream()
                .filter(record -> id.equals(record.key())).map(record -> record.value()).toList();
        assertEquals(Set.of("PairingConfirmed", "PairingConsentRecorded", "PairingAccepted", "PairingActivated",
                        "PairingSessionScheduled", "PairingSessionCompleted", "PairingSessionCancelled",
                        "PairingConsentRevoked", "PairingEnded"),
                Set.copyOf(messages.stream().map(m -> EventJson.read(m).eventType()).toList()));
        messages.forEach(message -> assertEquals(Set.of(), EventSchemas.violations(message), message));
        // The guardian's name and the child's address never travel.
        messages.forEach(message -> assertEquals(-1, message.indexOf("Guardian " + marker), message));
        messages.forEach(message -> assertEquals(-1, message.indexOf("Lane " + marker), message));
    }

    @Test
    void aVolunteerAtTheLimitIsRefusedAndRePairingKeepsTheHistory() {
        String marker = marker();
        String worker = "sw-" + marker;
        String first = child(marker, worker);
        String second = child(marker, worker);
        UUID volunteer = trustedVolunteer();
        String one = accepted(marker, first, volunteer, worker);
        String two = accepted(marker, second, volunteer, worker);
        LocalDate today = LocalDate.now(DISTRICT);
        String year = period(today, today.plusDays(200));
        asWorker(worker).contentType(ContentType.JSON).body(year).post(PAIRINGS + one + "/activation")
                .then().statusCode(200);
        assertProblem(asWorker(worker).contentType(ContentType.JSON).body(year).post(PAIRINGS + two + "/activation")
                .then(), 422, "volunteerId", "active pairing");
        asWorker(worker).get(PAIRINGS + two).then().body("status", equalTo("ACCEPTED"));

        UUID successor = UUID.randomUUID();
        String next = asWorker(worker).contentType(ContentType.JSON)
                .body("{\"volunteerId\": \"%s\", \"reason\": \"The volunteer went back to university\"}"
                        .formatted(successor))
                .post(PAIRINGS + one + "/re-pairing").then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("previousPairingId", equalTo(one))
                .extract().path("id");
        asWorker(worker).get(PAIRINGS + one).then().body("status", equalTo("ENDED"))
                .body("succeededBy", equalTo(next));
        asWorker(worker).get(PAIRINGS + "?beneficiaryId=" + first).then().statusCode(200)
                .body("id", equalTo(List.of(next, one)));
        // The volunteer is free again.
        asWorker(worker).contentType(ContentType.JSON).body(year).post(PAIRINGS + two + "/activation")
                .then().statusCode(200);
        asVolunteer(volunteer).get(PAIRINGS + "?volunteerId=" + volunteer).then().statusCode(200)
                .body("id", equalTo(List.of(two)));
        // The periodic review: due three months after the first day, recorded by the responsible social worker.
        asWorker(worker).get(PAIRINGS + two).then().body("nextReviewOn", equalTo(today.plusMonths(3).toString()));
        assertProblem(asWorker(worker).contentType(ContentType.JSON)
                .body("{\"notes\": \"Fine\", \"nextReviewOn\": \"%s\"}".formatted(today))
                .post(PAIRINGS + two + "/reviews").then(), 400, "nextReviewOn", "after today");
        asWorker(worker).contentType(ContentType.JSON)
                .body("{\"notes\": \"Reading has improved %s\", \"nextReviewOn\": \"%s\"}"
                        .formatted(marker, today.plusMonths(2)))
                .post(PAIRINGS + two + "/reviews").then().statusCode(201);
        asWorker(worker).get(PAIRINGS + two).then().body("nextReviewOn", equalTo(today.plusMonths(2).toString()));
        asWorker(worker).get(PAIRINGS + two + "/reviews").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].notes", equalTo("Reading has improved " + marker));
        EventEnvelope reviewed = awaitEvents(Topics.PAIRING_EVENTS, PairingReviewed.TYPE,
                e -> e.aggregateId().equals(two), 1).get(0);
        assertEquals(-1, EventJson.write(reviewed).indexOf("Reading has improved"));
        assertProblem(asVolunteer(volunteer).get(PAIRINGS + "?volunteerId=" + successor).then(), 403);
        EventEnvelope endedOne = awaitEvents(Topics.PAIRING_EVENTS, PairingEnded.TYPE,
                e -> e.aggregateId().equals(one), 1).get(0);
        assertEquals(next, endedOne.payload().path("succeededBy").asText());
        assertEquals(BeneficiaryFixtures.COMMUNITY, asWorker(worker).get("/api/v1/beneficiaries/" + first).then()
                .extract().path("community"));
    }

    @Test
    void onlyActiveVolunteersWithABackgroundCheckWorkWithChildrenAndSuspensionPausesPairings() {
        String marker = marker();
        String worker = "sw-" + marker;
        String childId = child(marker, worker);
        // Registered and active, but no background check: cannot accept a child's pairing.
        UUID unchecked = UUID.randomUUID();
        volunteerEvent(VolunteerRegistered.of(unchecked, List.of("tutoring"), null, false, true));
        String pairing = PAIRINGS + propose(childId, unchecked, worker);
        confirm(pairing.substring(PAIRINGS.length()), worker);
        asWorker(worker).contentType(ContentType.JSON).body(consentBody("Guardian " + marker, "GUARDIAN"))
                .post(pairing + "/consent").then().statusCode(200);
        awaitValue(() -> asVolunteer(unchecked).post(pairing + "/acceptance").then().extract()
                .path("detail").toString(), detail -> detail.contains("背景审查"));
        asWorker(worker).get(pairing).then().body("status", equalTo("CONSENTED"));

        // A trusted volunteer's active pairing: suspended, their session cannot be checked in; erased, it ends.
        UUID volunteer = trustedVolunteer();
        String active = PAIRINGS + accepted(marker, child(marker, worker), volunteer, worker);
        LocalDate today = LocalDate.now(DISTRICT);
        asWorker(worker).contentType(ContentType.JSON).body(period(today, today.plusDays(30)))
                .post(active + "/activation").then().statusCode(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String session = scheduled(worker, active, "TUTORING", now, now.plus(1, ChronoUnit.HOURS));
        // Suspended: the pairing pauses (the social worker is told by PairingPaused), its session cannot be held.
        volunteerEvent(VolunteerChanged.of(volunteer, List.of("tutoring"), null, false, false));
        awaitStanding(volunteer, standing -> !standing.active);
        String activeId = active.substring(PAIRINGS.length());
        asWorker(worker).get(active).then().body("status", equalTo("PAUSED"));
        awaitEvents(Topics.PAIRING_EVENTS, PairingPaused.TYPE, e -> e.aggregateId().equals(activeId), 1);
        assertProblem(asWorker(worker).contentType(ContentType.JSON).body("{}")
                .post(active + "/sessions/" + session + "/check-in").then(), 409);
        asWorker(worker).get(active + "/sessions").then().body("[0].status", equalTo("SCHEDULED"));
        // Active again: so is the pairing.
        volunteerEvent(VolunteerChanged.of(volunteer, List.of("tutoring"), null, false, true));
        awaitStanding(volunteer, standing -> standing.active);
        asWorker(worker).get(active).then().body("status", equalTo("ACTIVE"));
        awaitEvents(Topics.PAIRING_EVENTS, PairingResumed.TYPE, e -> e.aggregateId().equals(activeId), 1);

        String activity = ActivityFixtures.activity(ActivityFixtures.station(BeneficiaryFixtures.COMMUNITY), 1);
        String place = ActivityFixtures.confirmedSignUp(activity, volunteer);
        UUID next = UUID.randomUUID();
        String waiting = ActivityFixtures.signUp(activity, next, true).then().statusCode(201).extract().path("id");

        volunteerEvent(VolunteerErased.of(volunteer));
        awaitValue(() -> asWorker(worker).get(active).then().extract().path("status").toString(),
                status -> status.equals("ENDED"));
        asWorker(worker).get(active).then().body("endReason", equalTo("the volunteer was erased"));
        asWorker(worker).get(active + "/sessions").then().body("[0].status", equalTo("CANCELLED"));
        // Their place at an activity still to come is given up and goes to the first in the waitlist.
        given().get("/api/v1/activities/" + activity + "/sign-ups").then().statusCode(200)
                .body("find { it.id == '%s' }.status".formatted(place), equalTo("CANCELLED"))
                .body("find { it.id == '%s' }.cancelledBy".formatted(place), equalTo("STAFF"))
                .body("find { it.id == '%s' }.status".formatted(waiting), equalTo("CONFIRMED"));
    }

    private static String scheduled(String worker, String pairing, String kind, Instant startsAt, Instant endsAt) {
        return asWorker(worker).contentType(ContentType.JSON).body(session(kind, startsAt, endsAt))
                .post(pairing + "/sessions").then().statusCode(201).body("status", equalTo("SCHEDULED"))
                .extract().path("id");
    }
}
