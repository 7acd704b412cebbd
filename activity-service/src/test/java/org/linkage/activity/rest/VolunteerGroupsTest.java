package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.events.Topics;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.volunteer.MatchingProfile;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.chassis.tabular.TableReader;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ActivityFixtures.signUp;
import static org.linkage.activity.ActivityFixtures.station;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.NeedFixtures.TIMEOUT;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.newRequester;
import static org.linkage.activity.NeedFixtures.raiseRequest;
import static org.linkage.activity.PairingFixtures.awaitStanding;
import static org.linkage.activity.PairingFixtures.volunteerEvent;

/** Issue #24 item 5: volunteer groups restrict needs (for matching) and activities' audiences. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VolunteerGroupsTest implements AsAdmin {

    private static UUID volunteerIn(String group) {
        UUID id = UUID.randomUUID();
        volunteerEvent(VolunteerRegistered.of(new MatchingProfile(id, List.of("errands"), null, false, true,
                Map.of(), "xinhua", List.of(), false, group)));
        awaitStanding(id, standing -> standing.active);
        return id;
    }

    @Test
    void anActivityOpenToPartyMembersTakesThemAndRefusesOthersNamingTheField() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String community = "c-" + UUID.randomUUID();
        String activityId = given().contentType(ContentType.JSON).body("""
                        {"stationId": "%s", "title": "双报到 monthly service", "startsAt": "%s", "endsAt": "%s",
                         "capacity": 5, "organiser": "staff-007", "audience": ["PARTY_MEMBER", "PARTY_MEMBER"]}"""
                        .formatted(station(community), start, start.plus(2, ChronoUnit.HOURS)))
                .post("/api/v1/activities").then().statusCode(201)
                .body("audience", contains("PARTY_MEMBER")).extract().path("id");

        UUID student = volunteerIn("COLLEGE_STUDENT");
        assertProblem(signUp(activityId, student, true).then(), 422, "volunteerId",
                "is not in the activity's audience: PARTY_MEMBER");
        // Chinese by default: the catalogue renders the refusal, the group's name too.
        given().contentType(ContentType.JSON).header("Accept-Language", "zh-CN")
                .body("{\"volunteerId\": \"" + student + "\", \"joinWaitlist\": true}")
                .post("/api/v1/activities/" + activityId + "/sign-ups").then().statusCode(422)
                .body("violations.message", contains("不属于该活动面向的志愿者群体：党员"));
        assertProblem(signUp(activityId, UUID.randomUUID(), true).then(), 422, "volunteerId", "audience");

        UUID member = volunteerIn("PARTY_MEMBER");
        awaitValue(() -> signUp(activityId, member, true).statusCode(), status -> status == 201);

        // The student joins the Party branch: volunteer-service says so, and the door opens.
        volunteerEvent(VolunteerChanged.of(new MatchingProfile(student, List.of("errands"), null, false, true,
                Map.of(), "xinhua", List.of(), false, "PARTY_MEMBER")));
        awaitStanding(student, standing -> "PARTY_MEMBER".equals(standing.groupType));
        signUp(activityId, student, true).then().statusCode(201);

        // The district's export of activities, narrowed to those open to a group, shows the audience.
        String period = "&from=" + start.minus(40, ChronoUnit.DAYS).toString().substring(0, 10)
                + "&to=" + start.plus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        List<List<String>> members = TableReader.csv(given().get("/api/v1/exports/activities?community=" + community
                + "&group=PARTY_MEMBER" + period).then().statusCode(200).extract().asString());
        assertEquals(2, members.size());
        assertEquals(List.of("面向群体", "PARTY_MEMBER"), List.of(members.get(0).get(12), members.get(1).get(12)));
        assertEquals(1, TableReader.csv(given().get("/api/v1/exports/activities?community=" + community
                + "&group=RIDER" + period).then().statusCode(200).extract().asString()).size());
        assertProblem(given().get("/api/v1/exports/activities?group=astronaut").then(), 400, "group",
                "volunteer group type");
    }

    @Test
    void aNeedForRidersCarriesItsGroupsToMatching() {
        String requester = newRequester();
        String id = asRequester(requester).body(raiseRequest(requester)
                        .replace("\"summary\"", "\"volunteerGroups\": [\"RIDER\"], \"summary\""))
                .post("/api/v1/needs").then().statusCode(201)
                .body("volunteerGroups", contains("RIDER")).extract().path("id");
        NeedRaised event = TopicProbe.await(Topics.NEED_EVENTS, NeedRaised.TYPE,
                e -> e.aggregateId().equals(id), TIMEOUT).get(0).payloadAs(NeedRaised.class);
        assertEquals(List.of("RIDER"), event.volunteerGroups());

        assertProblem(asRequester(requester).body(raiseRequest(requester)
                        .replace("\"summary\"", "\"volunteerGroups\": [\"rider\"], \"summary\""))
                .post("/api/v1/needs").then(), 400, "volunteerGroups[0]", "");
    }

    /** A group type an admin added to volunteer-service's catalogue is known here with its first volunteer. */
    @Test
    void aGroupTypeAddedByAnAdminIsTakenOnceAVolunteerOfItIsKnownAndATypoIsRefused() {
        String group = "RETIRED_TEACHER_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String requester = newRequester();
        String forGroup = raiseRequest(requester)
                .replace("\"summary\"", "\"volunteerGroups\": [\"RIDER\", \"" + group + "\"], \"summary\"");
        assertProblem(asRequester(requester).body(forGroup).post("/api/v1/needs").then(), 422,
                "volunteerGroups[1]", "no volunteer known here");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String activity = """
                {"stationId": "%s", "title": "讲座", "startsAt": "%s", "endsAt": "%s",
                 "capacity": 5, "organiser": "staff-007", "audience": ["%s"]}"""
                .formatted(station("c-" + UUID.randomUUID()), start, start.plus(2, ChronoUnit.HOURS), group);
        assertProblem(given().contentType(ContentType.JSON).body(activity).post("/api/v1/activities").then(), 422,
                "audience[0]", "no volunteer known here");

        volunteerIn(group);
        asRequester(requester).body(forGroup).post("/api/v1/needs").then().statusCode(201)
                .body("volunteerGroups", contains("RIDER", group));
        given().contentType(ContentType.JSON).body(activity).post("/api/v1/activities").then().statusCode(201)
                .body("audience", contains(group));
    }
}
