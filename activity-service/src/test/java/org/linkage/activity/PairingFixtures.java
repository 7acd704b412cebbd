package org.linkage.activity;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.linkage.activity.domain.VolunteerCredential;
import org.linkage.activity.domain.VolunteerStanding;
import org.linkage.activity.repository.VolunteerCredentialRepository;
import org.linkage.activity.repository.VolunteerStandingRepository;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.Topics;
import org.linkage.events.pairing.PairingProposed;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.As;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.linkage.activity.NeedFixtures.awaitValue;

/** One-to-one pairings proposed as matching-service does, and driven along their lifecycle through the API. */
public final class PairingFixtures {

    public static final String PAIRINGS = "/api/v1/one-to-one-pairings/";

    /** A child of this social worker, with the guardian "Guardian {marker}". */
    public static String child(String marker, String socialWorker) {
        return BeneficiaryFixtures.register(BeneficiaryFixtures.childRequest(marker, socialWorker, true));
    }

    /** matching's PairingProposed, and waits until activity-service holds the pairing. */
    public static String propose(String beneficiaryId, UUID volunteerId, String socialWorker) {
        UUID pairingId = UUID.randomUUID();
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(PairingProposed.of(pairingId, UUID.randomUUID(),
                UUID.fromString(beneficiaryId), volunteerId, "one-to-one-tutoring", "tutoring", socialWorker, 1.18,
                List.of("skill tutoring at level 3", "within 850 m of the need (radius 20000 m)")), Instant.now(),
                null));
        awaitValue(() -> asWorker(socialWorker).get(PAIRINGS + pairingId).statusCode(), status -> status == 200);
        return pairingId.toString();
    }

    /** An active volunteer with a background check valid for a year, as volunteer-service's events tell it. */
    public static UUID trustedVolunteer() {
        UUID volunteerId = UUID.randomUUID();
        volunteerEvent(VolunteerRegistered.of(volunteerId, List.of("tutoring"), null, false, true));
        volunteerEvent(CertificationVerified.of(volunteerId, UUID.randomUUID(), VolunteerCredential.BACKGROUND_CHECK,
                LocalDate.now().plusYears(1)));
        awaitValue(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                        .instance(VolunteerCredentialRepository.class).get()
                        .of(volunteerId, VolunteerCredential.BACKGROUND_CHECK).size()), count -> count == 1);
        return volunteerId;
    }

    /** Waits until activity-service's view of the volunteer is as described. */
    public static void awaitStanding(UUID volunteerId, Predicate<VolunteerStanding> state) {
        awaitValue(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(VolunteerStandingRepository.class).get().findByIdOptional(volunteerId)
                .filter(state).isPresent()), found -> found);
    }

    public static void volunteerEvent(DomainEvent event) {
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, EventEnvelope.wrap(event, Instant.now(), null));
    }

    public static RequestSpecification asWorker(String socialWorker) {
        return BeneficiaryFixtures.asSocialWorker(socialWorker);
    }

    public static RequestSpecification asVolunteer(UUID volunteerId) {
        return As.volunteer(volunteerId);
    }

    public static void confirm(String pairingId, String socialWorker) {
        asWorker(socialWorker).post(PAIRINGS + pairingId + "/confirmation").then().statusCode(200);
    }

    public static String consentBody(String givenBy, String relation) {
        return """
                {"givenBy": "%s", "relation": "%s", "method": "SIGNED_FORM", "givenAt": "%s"}"""
                .formatted(givenBy, relation, Instant.now().minusSeconds(60));
    }

    public static void consent(String pairingId, String socialWorker, String guardian) {
        asWorker(socialWorker).contentType(ContentType.JSON).body(consentBody(guardian, "GUARDIAN"))
                .post(PAIRINGS + pairingId + "/consent").then().statusCode(200);
    }

    /** Proposed, confirmed, consented by the guardian, accepted by the volunteer. */
    public static String accepted(String marker, String beneficiaryId, UUID volunteerId, String socialWorker) {
        String pairingId = propose(beneficiaryId, volunteerId, socialWorker);
        confirm(pairingId, socialWorker);
        consent(pairingId, socialWorker, "Guardian " + marker);
        asVolunteer(volunteerId).post(PAIRINGS + pairingId + "/acceptance").then().statusCode(200);
        return pairingId;
    }

    public static String period(LocalDate startsOn, LocalDate endsOn) {
        return """
                {"startsOn": "%s", "endsOn": "%s"}""".formatted(startsOn, endsOn);
    }

    public static String session(String kind, Instant startsAt, Instant endsAt) {
        return """
                {"kind": "%s", "startsAt": "%s", "endsAt": "%s"}""".formatted(kind, startsAt, endsAt);
    }

    private PairingFixtures() {
    }
}
