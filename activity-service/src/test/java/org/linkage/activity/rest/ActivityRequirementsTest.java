package org.linkage.activity.rest;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.repository.VolunteerCredentialRepository;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.InfrastructureTestResource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.linkage.activity.ActivityFixtures.activity;
import static org.linkage.activity.ActivityFixtures.confirmedSignUp;
import static org.linkage.activity.ActivityFixtures.signUp;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ActivityFixtures.stationCode;
import static org.linkage.activity.ActivityFixtures.withCode;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.PairingFixtures.awaitStanding;
import static org.linkage.activity.PairingFixtures.trustedVolunteer;
import static org.linkage.activity.PairingFixtures.volunteerEvent;

/**
 * Issue #21 items 4 and 5: an activity's required skills and certifications, and the children's rule, are enforced
 * at sign-up and again at check-in, from what volunteer-service's events told activity-service.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ActivityRequirementsTest implements AsAdmin {

    private static final String FIRST_AID = "first-aid-certificate";

    /** Starts in half an hour (check-in is open), requires first aid as a skill and a certificate. */
    private static String firstAidActivity(boolean withChildren) {
        Instant start = Instant.now().plus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        return given().contentType(ContentType.JSON).body("""
                        {"stationId": "%s", "title": "First-aid corner", "startsAt": "%s", "endsAt": "%s",
                         "capacity": 5, "requiredSkills": ["first-aid"], "requiredCertifications": ["%s"],
                         "withChildren": %s, "organiser": "staff-007"}""".formatted(station("c-" + UUID.randomUUID()),
                        start, start.plus(2, ChronoUnit.HOURS), FIRST_AID, withChildren))
                .post("/api/v1/activities").then().statusCode(201)
                .body("requiredSkills", contains("first-aid"))
                .body("requiredCertifications", contains(FIRST_AID))
                .body("withChildren", equalTo(withChildren)).extract().path("id");
    }

    private static UUID certified(UUID volunteerId, List<String> skills) {
        volunteerEvent(VolunteerRegistered.of(volunteerId, skills, null, false, true));
        volunteerEvent(CertificationVerified.of(volunteerId, UUID.randomUUID(), FIRST_AID,
                LocalDate.now().plusYears(1)));
        awaitStanding(volunteerId, standing -> standing.skills.equals(skills));
        return volunteerId;
    }

    @Test
    void onlyVolunteersWithTheSkillsAndACertificateValidThatDaySignUpAndCheckIn() {
        String activityId = firstAidActivity(false);
        assertProblem(signUp(activityId, UUID.randomUUID(), true).then(), 422, "volunteerId",
                "lacks skills the activity requires: first-aid");
        UUID skilledOnly = UUID.randomUUID();
        volunteerEvent(VolunteerRegistered.of(skilledOnly, List.of("first-aid"), null, false, true));
        awaitStanding(skilledOnly, standing -> standing.skills.contains("first-aid"));
        assertProblem(signUp(activityId, skilledOnly, true).then(), 422, "volunteerId", FIRST_AID);

        UUID volunteer = UUID.randomUUID();
        UUID certificate = UUID.randomUUID();
        volunteerEvent(VolunteerRegistered.of(volunteer, List.of("first-aid", "tutoring"), null, false, true));
        volunteerEvent(CertificationVerified.of(volunteer, certificate, FIRST_AID, LocalDate.now().plusYears(1)));
        awaitStanding(volunteer, standing -> standing.skills.contains("first-aid"));
        awaitValue(() -> signUp(activityId, volunteer, true).statusCode(),
                status -> status == 201);

        // The certificate expires before the volunteer reaches the station: the door refuses them.
        volunteerEvent(CertificationExpired.of(volunteer, certificate, FIRST_AID, LocalDate.now()));
        awaitValue(() -> QuarkusTransaction.requiringNew().call(() -> Arc.container()
                .instance(VolunteerCredentialRepository.class).get().findById(certificate).expired), gone -> gone);
        assertProblem(withCode(activityId, "check-ins", volunteer, stationCode(activityId)).then(), 422,
                "volunteerId", FIRST_AID);
        given().get("/api/v1/activities/" + activityId + "/attendances").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void childrensActivitiesTakeOnlyActiveVolunteersWithABackgroundCheckAndSuspensionClosesTheDoor() {
        String activityId = firstAidActivity(true);
        UUID withoutCheck = certified(UUID.randomUUID(), List.of("first-aid"));
        assertProblem(signUp(activityId, withoutCheck, true).then(), 422, "volunteerId", "background check");

        UUID trusted = trustedVolunteer();
        volunteerEvent(VolunteerRegistered.of(trusted, List.of("first-aid"), null, false, true));
        volunteerEvent(CertificationVerified.of(trusted, UUID.randomUUID(), FIRST_AID, LocalDate.now().plusYears(1)));
        awaitStanding(trusted, standing -> standing.skills.contains("first-aid"));
        awaitValue(() -> signUp(activityId, trusted, true).statusCode(),
                status -> status == 201);

        volunteerEvent(VolunteerChanged.of(trusted, List.of("first-aid"), null, false, false));
        awaitStanding(trusted, standing -> !standing.active);
        assertProblem(withCode(activityId, "check-ins", trusted, stationCode(activityId)).then(), 422,
                "volunteerId", "not an active volunteer");
    }

    @Test
    void anActivityWithoutRequirementsTakesAnyone() {
        String activityId = activity(station("c-" + UUID.randomUUID()), 3);
        confirmedSignUp(activityId, UUID.randomUUID());
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"stationId": "%s", "title": "x", "startsAt": "%s", "endsAt": "%s", "capacity": 1,
                 "requiredCertifications": ["Not A Code"], "organiser": "staff-007"}""".formatted(
                station("c-" + UUID.randomUUID()), Instant.now().plus(1, ChronoUnit.DAYS),
                Instant.now().plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)))
                .post("/api/v1/activities").then(), 400, "requiredCertifications[0]", "certification type code");
        signUp(activityId, UUID.randomUUID(), true).then().statusCode(201);
    }
}
