package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.EventJson;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.linkage.matching.rest.MatchingFixtures.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.matching.rest.MatchingFixtures.awaitAssignments;
import static org.linkage.matching.rest.MatchingFixtures.awaitCandidate;
import static org.linkage.matching.rest.MatchingFixtures.awaitEvent;
import static org.linkage.matching.rest.MatchingFixtures.await;
import static org.linkage.matching.rest.MatchingFixtures.eventsOf;
import static org.linkage.matching.rest.MatchingFixtures.need;
import static org.linkage.matching.rest.MatchingFixtures.north;
import static org.linkage.matching.rest.MatchingFixtures.postAtOnce;
import static org.linkage.matching.rest.MatchingFixtures.raise;
import static org.linkage.matching.rest.MatchingFixtures.randomBase;
import static org.linkage.matching.rest.MatchingFixtures.send;
import static org.linkage.matching.rest.MatchingFixtures.volunteer;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AssignmentResourceTest {

    @TestHTTPResource("/api/v1/assignments")
    URI assignmentsUri;

    @Test
    void theNearestActiveVolunteerWithTheSkillIsOffered() {
        GeoPoint base = randomBase();
        volunteer(north(base, 300), true, "tutoring");
        volunteer(north(base, 600), false, "elder-care");
        volunteer(null, true, "elder-care");
        UUID nearest = volunteer(north(base, 2_000), true, "elder-care", "haircut");
        volunteer(north(base, 5_000), true, "elder-care");

        UUID needId = raise("elder-care", base, Urgency.ROUTINE, 1);

        JsonPath offers = awaitAssignments(needId, 1);
        assertEquals(1, offers.getInt("totalItems"));
        String assignmentId = offers.getString("items[0].id");
        asAdmin().get("/api/v1/assignments/" + assignmentId)
                .then().statusCode(200)
                .body("id", equalTo(assignmentId))
                .body("needId", equalTo(needId.toString()))
                .body("volunteerId", equalTo(nearest.toString()))
                .body("status", equalTo("OFFERED"))
                .body("category", equalTo("home-visit"))
                .body("urgency", equalTo("ROUTINE"))
                .body("window.start", notNullValue())
                .body("area.latitude", equalTo((float) base.coarse().latitude()))
                .body("area.longitude", equalTo((float) base.coarse().longitude()))
                .body("summary", equalTo("Weekly visit to an elderly resident"))
                .body("rank", equalTo(1))
                .body("distanceMetres", equalTo(2_000))
                .body("answeredAt", nullValue());
        JsonPath assignment = asAdmin().get("/api/v1/assignments/" + assignmentId).then().extract().jsonPath();
        assertEquals(Duration.ofMinutes(30), Duration.between(Instant.parse(assignment.getString("offeredAt")),
                Instant.parse(assignment.getString("expiresAt"))));

        AssignmentOffered offered = awaitEvent(AssignmentOffered.TYPE,
                e -> e.aggregateId().equals(needId.toString())).payloadAs(AssignmentOffered.class);
        assertEquals(UUID.fromString(assignmentId), offered.assignmentId());
        assertEquals(nearest, offered.volunteerId());
        assertEquals("social-worker-" + needId, offered.requestedBy());
        assertEquals(base.coarse(), offered.area());
    }

    @Test
    void eachDeclineMovesTheOfferToTheNextNearestUntilNobodyIsLeft() {
        GeoPoint base = randomBase();
        UUID first = volunteer(north(base, 1_000), true, "tutoring");
        UUID second = volunteer(north(base, -4_000), true, "tutoring");
        volunteer(north(base, 25_000), true, "tutoring");
        UUID needId = raise("tutoring", base, Urgency.ROUTINE, 1);

        String firstOffer = awaitAssignments(needId, 1).getString("items[0].id");
        asAdmin().contentType(ContentType.JSON).body("{\"reason\": \"外出探亲\"}")
                .post("/api/v1/assignments/" + firstOffer + "/decline")
                .then().statusCode(200)
                .body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("外出探亲"))
                .body("answeredAt", notNullValue());

        String openOffer = "items.find { it.status == 'OFFERED' }";
        JsonPath afterFirstDecline = awaitAssignments(needId, 2);
        assertEquals(second.toString(), afterFirstDecline.getString(openOffer + ".volunteerId"));
        assertEquals(2, afterFirstDecline.getInt(openOffer + ".rank"));
        String secondOffer = afterFirstDecline.getString(openOffer + ".id");
        AssignmentDeclined declined = awaitEvent(AssignmentDeclined.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(firstOffer)).payloadAs(AssignmentDeclined.class);
        assertEquals(first, declined.volunteerId());
        assertEquals("外出探亲", declined.reason());
        assertTrue(eventsOf(needId, NeedUnmatched.TYPE).isEmpty(), "unmatched while a candidate was left");

        asAdmin().contentType(ContentType.JSON).body("{}").post("/api/v1/assignments/" + secondOffer + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("declineReason", nullValue());

        NeedUnmatched unmatched = awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(NeedUnmatched.class);
        assertEquals(2, unmatched.candidatesTried());
        assertEquals("social-worker-" + needId, unmatched.requestedBy());
        assertTrue(unmatched.reason().contains("tutoring"), unmatched.reason());
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("totalItems", equalTo(2))
                .body("items.status", contains("DECLINED", "DECLINED"));
        assertEquals(2, eventsOf(needId, AssignmentOffered.TYPE).size());

        asAdmin().contentType(ContentType.JSON).body("{}").post("/api/v1/assignments/" + secondOffer + "/decline")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void aNeedNobodyCanTakeIsUnmatchedAtOnce() {
        UUID needId = raise("counselling", randomBase(), Urgency.URGENT, 1);

        NeedUnmatched unmatched = awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(needId.toString()))
                .payloadAs(NeedUnmatched.class);
        assertEquals(0, unmatched.candidatesTried());
        assertEquals("social-worker-" + needId, unmatched.requestedBy());
        asAdmin().get("/api/v1/assignments?needId=" + needId).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aNeedOfSeveralVolunteersIsOfferedToTheNearestOnesAndUnmatchedWhenTooFewFit() {
        GeoPoint base = randomBase();
        UUID nearest = volunteer(north(base, 100), true, "first-aid");
        UUID next = volunteer(north(base, 200), true, "first-aid");
        volunteer(north(base, 300), true, "first-aid");
        UUID urgent = raise("first-aid", base, Urgency.URGENT, 2);

        JsonPath offers = awaitAssignments(urgent, 2);
        assertEquals(2, offers.getInt("totalItems"));
        assertEquals(Set.of(nearest.toString(), next.toString()), Set.copyOf(offers.getList("items.volunteerId")));
        assertEquals(Set.of(1, 2), Set.copyOf(offers.getList("items.rank")));
        assertEquals(Duration.ofMinutes(5), Duration.between(Instant.parse(offers.getString("items[0].offeredAt")),
                Instant.parse(offers.getString("items[0].expiresAt"))));

        UUID tooBig = raise("first-aid", base, Urgency.ROUTINE, 4);
        NeedUnmatched unmatched = awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(tooBig.toString()))
                .payloadAs(NeedUnmatched.class);
        assertEquals(3, unmatched.candidatesTried());
        assertTrue(unmatched.reason().contains("所需 4 名中已邀请或指派 3 名"), unmatched.reason());
        JsonPath partial = awaitAssignments(tooBig, 3);
        assertEquals(3, partial.getInt("totalItems"));
        assertEquals(Duration.ofMinutes(30), Duration.between(Instant.parse(partial.getString("items[0].offeredAt")),
                Instant.parse(partial.getString("items[0].expiresAt"))));
    }

    @Test
    void acceptingPublishesAssignmentAcceptedWithTheVolunteersNameAndWorksOnce() {
        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 800), true, "haircut");
        UUID needId = raise("haircut", base, Urgency.ROUTINE, 1);
        String assignmentId = awaitAssignments(needId, 1).getString("items[0].id");

        asAdmin().post("/api/v1/assignments/" + assignmentId + "/accept")
                .then().statusCode(200)
                .body("id", equalTo(assignmentId))
                .body("status", equalTo("ACCEPTED"))
                .body("answeredAt", notNullValue());

        AssignmentAccepted accepted = awaitEvent(AssignmentAccepted.TYPE,
                e -> e.payload().path("assignmentId").asText().equals(assignmentId))
                .payloadAs(AssignmentAccepted.class);
        assertEquals(volunteerId, accepted.volunteerId());
        assertEquals(needId, accepted.needId());
        assertEquals("social-worker-" + needId, accepted.requestedBy());

        asAdmin().post("/api/v1/assignments/" + assignmentId + "/accept")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("与当前状态冲突"))
                .body("detail", containsString("ACCEPTED"));
        asAdmin().contentType(ContentType.JSON).body("{}").post("/api/v1/assignments/" + assignmentId + "/decline")
                .then().statusCode(409).contentType("application/problem+json");
        asAdmin().get("/api/v1/assignments/" + assignmentId).then().body("status", equalTo("ACCEPTED"));
        assertEquals(1, eventsOf(needId, AssignmentAccepted.TYPE).size());
        assertTrue(eventsOf(needId, AssignmentDeclined.TYPE).isEmpty());
    }

    @Test
    void ofTwentyConcurrentAcceptsExactlyOneWins() {
        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 500), true, "repairs");
        UUID needId = raise("repairs", base, Urgency.URGENT, 1);
        String assignmentId = awaitAssignments(needId, 1).getString("items[0].id");

        URI accept = URI.create(assignmentsUri + "/" + assignmentId + "/accept");
        List<HttpResponse<String>> responses = postAtOnce(Collections.nCopies(20, accept),
                Tokens.volunteer(volunteerId));

        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count(), responses.toString());
        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 409).toList();
        assertEquals(19, refused.size(), responses.toString());
        refused.forEach(r -> assertEquals(Optional.of("application/problem+json"),
                r.headers().firstValue("Content-Type")));
        asAdmin().get("/api/v1/assignments/" + assignmentId).then().body("status", equalTo("ACCEPTED"));
        awaitEvent(AssignmentAccepted.TYPE, e -> e.payload().path("assignmentId").asText().equals(assignmentId));
        assertEquals(1, eventsOf(needId, AssignmentAccepted.TYPE).size());
    }

    @Test
    void aRedeliveredNeedRaisedCreatesNoSecondOffer() {
        GeoPoint base = randomBase();
        volunteer(north(base, 1_500), true, "elder-care");
        volunteer(north(base, 2_500), true, "elder-care");
        UUID needId = UUID.randomUUID();
        EventEnvelope raised = EventEnvelope.wrap(need(needId, "elder-care", base, Urgency.ROUTINE, 1),
                Instant.now(), null);

        TopicProbe.send(Topics.NEED_EVENTS, raised);
        TopicProbe.send(Topics.NEED_EVENTS, raised);
        // Raised again under a new event id, as a producer re-sending it would.
        send(Topics.NEED_EVENTS, need(needId, "elder-care", base, Urgency.ROUTINE, 1));
        // Events of one partition are processed in order: once a later one took effect, the duplicates were seen.
        UUID marker = keyOnTheSamePartition(Topics.NEED_EVENTS, needId);
        send(Topics.NEED_EVENTS, need(marker, "no-such-skill", base, Urgency.ROUTINE, 1));
        awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(marker.toString()));

        asAdmin().get("/api/v1/assignments?needId=" + needId).then().body("totalItems", equalTo(1));
        assertEquals(1, eventsOf(needId, AssignmentOffered.TYPE).size());
        assertNotDeadLettered(needId);
    }

    @Test
    void anEmergencyOrANeedNobodyFitsRaisedAgainUnderANewEventIdIsHandledOnce() {
        GeoPoint base = randomBase();
        EmergencyFanOutTest.eightResponders(base);
        UUID emergency = UUID.randomUUID();
        // Nobody has the skill: no candidate's facts are read, so the need is looked up on its own.
        UUID nobodyFits = UUID.randomUUID();
        for (int copy = 0; copy < 2; copy++) {
            send(Topics.NEED_EVENTS, need(emergency, "first-aid", base, Urgency.EMERGENCY, 1));
            send(Topics.NEED_EVENTS, need(nobodyFits, "no-such-skill", base, Urgency.ROUTINE, 1));
        }
        for (UUID needId : List.of(emergency, nobodyFits)) {
            UUID marker = keyOnTheSamePartition(Topics.NEED_EVENTS, needId);
            send(Topics.NEED_EVENTS, need(marker, "no-such-skill", base, Urgency.ROUTINE, 1));
            awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(marker.toString()));
        }

        asAdmin().get("/api/v1/assignments?needId=" + emergency).then().body("totalItems", equalTo(7));
        assertEquals(7, eventsOf(emergency, AssignmentOffered.TYPE).size());
        assertEquals(1, eventsOf(nobodyFits, NeedUnmatched.TYPE).size());
        assertNotDeadLettered(emergency);
        assertNotDeadLettered(nobodyFits);
    }

    /** A need raised again was recognised as known, not refused by its primary key after retries. */
    private static void assertNotDeadLettered(UUID needId) {
        assertTrue(TopicProbe.readAll(Topics.deadLetter("matching-service")).stream()
                .noneMatch(record -> record.value().contains(needId.toString())), needId + " dead-lettered");
    }

    @Test
    void volunteerChangesAreReflectedInMatchingAndAnOlderStateDoesNotOverwriteANewerOne() {
        GeoPoint base = randomBase();
        UUID nearest = volunteer(north(base, 400), true, "tutoring", "elder-care");
        UUID farther = volunteer(north(base, 3_000), true, "elder-care");

        Instant changedAt = Instant.now();
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, EventEnvelope.wrap(VolunteerChanged.of(nearest,
                List.of("tutoring"), north(base, 400), false, true), changedAt, null));
        awaitCandidate(nearest, candidate -> candidate.skills.equals(Set.of("tutoring")));
        // A late copy of the registration must not bring the removed skill back.
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, EventEnvelope.wrap(VolunteerRegistered.of(nearest,
                List.of("tutoring", "elder-care"), north(base, 400), false, true), changedAt.minusSeconds(60), null));
        // Going on duty afterwards marks that the late copy, on the same partition before it, was processed.
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, EventEnvelope.wrap(VolunteerChanged.of(nearest,
                List.of("tutoring"), north(base, 400), true, true), changedAt.plusSeconds(1), null));
        assertEquals(Set.of("tutoring"), awaitCandidate(nearest, candidate -> candidate.onDuty).skills);

        UUID needId = raise("elder-care", base, Urgency.ROUTINE, 1);
        assertEquals(farther.toString(), awaitAssignments(needId, 1).getString("items[0].volunteerId"));

        TopicProbe.send(Topics.VOLUNTEER_EVENTS, EventEnvelope.wrap(VolunteerChanged.of(farther,
                List.of("elder-care"), north(base, 3_000), false, false), Instant.now(), null));
        awaitCandidate(farther, candidate -> !candidate.active);
        UUID secondNeed = raise("elder-care", base, Urgency.ROUTINE, 1);
        assertEquals(0, awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(secondNeed.toString()))
                .payloadAs(NeedUnmatched.class).candidatesTried());
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndLaterEventsAreStillProcessed() {
        String poison = "not json " + UUID.randomUUID();
        TopicProbe.send(Topics.NEED_EVENTS, "poison", poison);
        TopicProbe.send(Topics.VOLUNTEER_EVENTS, "poison", poison);
        UUID incompleteNeed = UUID.randomUUID();
        send(Topics.NEED_EVENTS, NeedRaised.of(incompleteNeed, "home-visit", "elder-care", null,
                null, Urgency.ROUTINE, 1, "social-worker", "no place, no time"));

        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 700), true, "arts");
        UUID needId = raise("arts", base, Urgency.ROUTINE, 1);
        assertEquals(volunteerId.toString(), awaitAssignments(needId, 1).getString("items[0].volunteerId"));

        await(() -> TopicProbe.readAll(Topics.deadLetter("matching-service")).stream()
                        .map(record -> record.value()).toList(),
                values -> values.stream().filter(poison::equals).count() == 2
                        && values.stream().anyMatch(value -> value.contains(incompleteNeed.toString())),
                "both poison messages and the incomplete NeedRaised on the dead-letter topic");
        asAdmin().get("/api/v1/assignments?needId=" + incompleteNeed).then().body("totalItems", equalTo(0));
    }

    @Test
    void invalidRequestsAreProblemsNamingTheFieldAndChangeNothing() {
        GeoPoint base = randomBase();
        volunteer(north(base, 900), true, "clinic");
        UUID needId = raise("clinic", base, Urgency.ROUTINE, 1);
        String assignmentId = awaitAssignments(needId, 1).getString("items[0].id");

        asAdmin().contentType(ContentType.JSON).body("{\"reason\": \"" + "太".repeat(501) + "\"}")
                .post("/api/v1/assignments/" + assignmentId + "/decline")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("reason"));
        asAdmin().contentType(ContentType.JSON).body("{\"reason\": ")
                .post("/api/v1/assignments/" + assignmentId + "/decline")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body("{\"reason\": [\"busy\"]}")
                .post("/api/v1/assignments/" + assignmentId + "/decline")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("reason"));
        asAdmin().get("/api/v1/assignments/" + assignmentId).then().body("status", equalTo("OFFERED"))
                .body("declineReason", nullValue());
        assertTrue(eventsOf(needId, AssignmentDeclined.TYPE).isEmpty());

        asAdmin().get("/api/v1/assignments?status=MAYBE").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("status"));
        asAdmin().get("/api/v1/assignments?volunteerId=someone").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("volunteerId"));
        asAdmin().get("/api/v1/assignments?size=101").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("size"));

        String unknown = UUID.randomUUID().toString();
        asAdmin().get("/api/v1/assignments/" + unknown).then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("未找到"));
        asAdmin().post("/api/v1/assignments/" + unknown + "/accept").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown));
        asAdmin().contentType(ContentType.JSON).post("/api/v1/assignments/" + unknown + "/decline").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void declineNeedsNoBodyAndTheListFiltersByVolunteerAndStatusNewestFirst() throws Exception {
        GeoPoint base = randomBase();
        UUID volunteerId = volunteer(north(base, 1_200), true, "elder-care", "tutoring");
        UUID olderNeed = raise("elder-care", base, Urgency.ROUTINE, 1);
        String olderOffer = awaitAssignments(olderNeed, 1).getString("items[0].id");
        UUID newerNeed = raise("tutoring", base, Urgency.ROUTINE, 1);
        String newerOffer = awaitAssignments(newerNeed, 1).getString("items[0].id");

        // As a phone would send it: no body, no Content-Type.
        HttpResponse<String> declined = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(assignmentsUri + "/" + olderOffer + "/decline"))
                        .header("Authorization", "Bearer " + Tokens.volunteer(volunteerId))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, declined.statusCode(), declined.body());
        assertEquals("DECLINED", JsonPath.from(declined.body()).getString("status"));

        asAdmin().get("/api/v1/assignments?volunteerId=" + volunteerId)
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", contains(newerOffer, olderOffer));
        asAdmin().get("/api/v1/assignments?status=DECLINED&volunteerId=" + volunteerId)
                .then().body("items.id", contains(olderOffer));
        asAdmin().get("/api/v1/assignments?status=OFFERED&volunteerId=" + volunteerId + "&size=1&page=0")
                .then().body("items.id", contains(newerOffer)).body("totalPages", equalTo(1));
    }

    @Test
    void everyEventPublishedConformsToItsSchema() {
        GeoPoint base = randomBase();
        volunteer(north(base, 100), true, "counselling");
        volunteer(north(base, 200), true, "counselling");
        UUID needId = raise("counselling", base, Urgency.URGENT, 1);
        String first = awaitAssignments(needId, 1).getString("items[0].id");
        asAdmin().contentType(ContentType.JSON).body("{\"reason\": \"生病了\"}")
                .post("/api/v1/assignments/" + first + "/decline").then().statusCode(200);
        String second = awaitAssignments(needId, 2).getString("items.find { it.status == 'OFFERED' }.id");
        asAdmin().post("/api/v1/assignments/" + second + "/accept").then().statusCode(200);
        UUID unmatched = raise("counselling", randomBase(), Urgency.ROUTINE, 1);
        awaitEvent(AssignmentAccepted.TYPE, e -> e.aggregateId().equals(needId.toString()));
        awaitEvent(NeedUnmatched.TYPE, e -> e.aggregateId().equals(unmatched.toString()));

        var records = TopicProbe.readAll(Topics.ASSIGNMENT_EVENTS);
        assertEquals(Set.of(AssignmentOffered.TYPE, AssignmentDeclined.TYPE, AssignmentAccepted.TYPE,
                NeedUnmatched.TYPE), records.stream().filter(r -> r.key().equals(needId.toString())
                        || r.key().equals(unmatched.toString()))
                .map(r -> EventJson.read(r.value()).eventType())
                .collect(Collectors.toSet()));
        records.forEach(record -> assertEquals(Set.of(), EventSchemas.violations(record.value()), record.value()));
    }

    @Test
    void readinessChecksTheDatabaseKafkaAndTheRelay() {
        asAdmin().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void theOpenApiDocumentNamesEveryOperationAndItsProblems() {
        String problem = "content.'application/problem+json'.schema";
        asAdmin().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/assignments'.get.operationId", equalTo("listAssignments"))
                .body("paths.'/api/v1/assignments/{id}'.get.operationId", equalTo("getAssignment"))
                .body("paths.'/api/v1/assignments/{id}/accept'.post.operationId", equalTo("acceptAssignment"))
                .body("paths.'/api/v1/assignments/{id}/decline'.post.operationId", equalTo("declineAssignment"))
                .body("paths.'/api/v1/assignments/{id}/withdraw'.post.operationId", equalTo("withdrawAssignment"))
                .body("paths.'/api/v1/needs/{needId}/assignments'.post.operationId", equalTo("assignNeedByHand"))
                .body("paths.'/api/v1/needs/{needId}/assignments'.post.responses.'409'." + problem, notNullValue())
                .body("paths.'/api/v1/needs/{needId}/assignments'.post.requestBody.content.'application/json'"
                        + ".examples", notNullValue())
                .body("paths.'/api/v1/assignments/{id}/accept'.post.responses.'409'." + problem, notNullValue())
                .body("paths.'/api/v1/assignments/{id}/decline'.post.responses.'400'." + problem, notNullValue())
                .body("paths.'/api/v1/assignments/{id}/decline'.post.requestBody.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/api/v1/assignments'.get.parameters.find { it.name == 'volunteerId' }.schema.type",
                        equalTo("string"));
    }

    /** A key the default partitioner puts on the same partition of the topic as the given one. */
    static UUID keyOnTheSamePartition(String topic, UUID key) {
        int partitions = TopicProbe.partitions(topic);
        int wanted = partitionOf(key, partitions);
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (partitionOf(candidate, partitions) == wanted) {
                return candidate;
            }
        }
    }

    private static int partitionOf(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
