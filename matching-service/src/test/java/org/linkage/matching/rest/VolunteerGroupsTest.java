package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.InfrastructureTestResource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitCandidate;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.send;
import static org.linkage.matching.rest.MatchingFixtures.tomorrow;

/** Issue #24 item 5: a need restricted to volunteer groups is offered to their members only. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VolunteerGroupsTest {

    private static UUID volunteerIn(String group, GeoPoint home) {
        UUID id = UUID.randomUUID();
        send(Topics.VOLUNTEER_EVENTS, VolunteerRegistered.of(new MatchingProfile(id, List.of("errands"), home, false,
                true, Map.of(), "xinhua-road", List.of(), false, group)));
        awaitCandidate(id, candidate -> group.equals(candidate.groupType));
        return id;
    }

    @Test
    void aNeedForRidersIsOfferedToTheRiderNotToTheCloserStudent() {
        GeoPoint base = randomBase();
        UUID student = volunteerIn("COLLEGE_STUDENT", north(base, 100));
        UUID rider = volunteerIn("RIDER", north(base, 2_000));

        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(needId).category("errand").requiredSkill("errands")
                .location(base).window(tomorrow()).urgency(Urgency.ROUTINE).volunteersNeeded(2)
                .requestedBy("social-worker-" + needId).summary("Deliver medicine from the pharmacy")
                .volunteerGroups(List.of("RIDER")).build());

        NeedUnmatched unmatched = awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(NeedUnmatched.class);
        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(List.of(rider.toString()), offers.getList("items.volunteerId"), "the student is closer: "
                + student + "; " + unmatched.reason());
        // Chinese by default, the group's name too; English on request.
        asAdmin().get("/api/v1/assignments/" + offers.getString("items[0].id")).then().statusCode(200)
                .body("reasons.constraintsMet", hasItem("属于该需求开放的志愿者群体：骑手"));
        asAdmin().header("Accept-Language", "en").get("/api/v1/assignments/" + offers.getString("items[0].id"))
                .then().statusCode(200)
                .body("reasons.constraintsMet", hasItem("in the volunteer group RIDER the need is open to"));

        // A need open to anyone goes to the closer student first.
        UUID open = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(open).category("errand").requiredSkill("errands")
                .location(base).window(tomorrow()).urgency(Urgency.ROUTINE).volunteersNeeded(1)
                .requestedBy("social-worker-" + open).summary("Deliver medicine from the pharmacy").build());
        assertEquals(student.toString(), awaitAssignments(open, 1).getString("items[0].volunteerId"));
    }

    @Test
    void theReasonNamesAGroupAnAdminAddedByItsChineseLabel() {
        // volunteer-service's admins added the group type; its events carry the labels (GroupCatalogueTest there).
        String group = "RETIRED_TEACHER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        GeoPoint base = randomBase();
        UUID teacher = UUID.randomUUID();
        send(Topics.VOLUNTEER_EVENTS, VolunteerRegistered.of(new MatchingProfile(teacher, List.of("errands"),
                north(base, 300), false, true, Map.of(), "xinhua-road", List.of(), false, group, "退休教师",
                "Retired teachers")));
        awaitCandidate(teacher, candidate -> group.equals(candidate.groupType));

        UUID needId = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.builder(needId).category("tutoring").requiredSkill("errands")
                .location(base).window(tomorrow()).urgency(Urgency.ROUTINE).volunteersNeeded(1)
                .requestedBy("social-worker-" + needId).summary("Homework help for a primary-school pupil")
                .volunteerGroups(List.of(group)).build());
        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(teacher.toString(), offers.getString("items[0].volunteerId"));
        asAdmin().get("/api/v1/assignments/" + offers.getString("items[0].id")).then().statusCode(200)
                .body("reasons.constraintsMet", hasItem("属于该需求开放的志愿者群体：退休教师"))
                .body("reasons.constraintsMet", not(hasItem(containsString(group))));
        // The list renders them so too.
        assertTrue(offers.getList("items[0].reasons.constraintsMet").contains("属于该需求开放的志愿者群体：退休教师"),
                offers.prettify());
        asAdmin().header("Accept-Language", "en").get("/api/v1/assignments/" + offers.getString("items[0].id"))
                .then().statusCode(200)
                .body("reasons.constraintsMet", hasItem("in the volunteer group " + group + " the need is open to"));
    }
}
