package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.activity.ApiAssertions;
import org.linkage.activity.AsAdmin;
import org.linkage.activity.api.RaiseNeedRequest;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.need.NeedRaised;
import org.linkage.events.need.Urgency;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.NeedFixtures.TIMEOUT;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.newRequester;
import static org.linkage.activity.NeedFixtures.raiseNeed;
import static org.linkage.activity.NeedFixtures.raiseRequest;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NeedResourceTest implements AsAdmin {

    @Test
    void raisingANeedPublishesNeedRaisedThatConformsToItsSchema() {
        String requester = newRequester();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        String id = asRequester(requester).body(raiseRequest(requester, start, end))
                .when().post("/api/v1/needs")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/needs/"))
                .header("ETag", equalTo("\"0\""))
                .body("category", equalTo("home-visit"))
                .body("requiredSkill", equalTo("elder-care"))
                .body("location.latitude", equalTo(31.2304f))
                .body("window.start", equalTo(start.toString()))
                .body("urgency", equalTo("URGENT"))
                .body("volunteersNeeded", equalTo(2))
                .body("requestedBy", equalTo(requester))
                .body("status", equalTo("OPEN"))
                .body("statusHistory.status", contains("OPEN"))
                .body("assignedVolunteerId", nullValue())
                .extract().path("id");

        given().when().get("/api/v1/needs/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("status", equalTo("OPEN"))
                .body("summary", equalTo("Weekly visit: chat and help with the shopping list"));

        List<EventEnvelope> events = TopicProbe.await(Topics.NEED_EVENTS, NeedRaised.TYPE,
                e -> e.aggregateId().equals(id), TIMEOUT);
        assertEquals(1, events.size());
        assertEquals("Need", events.get(0).aggregateType());
        NeedRaised event = events.get(0).payloadAs(NeedRaised.class);
        assertEquals(UUID.fromString(id), event.needId());
        assertEquals("home-visit", event.category());
        assertEquals("elder-care", event.requiredSkill());
        assertEquals(new GeoPoint(31.2304, 121.4737), event.location());
        assertEquals(start, event.window().start());
        assertEquals(end, event.window().end());
        assertEquals(Urgency.URGENT, event.urgency());
        assertEquals(2, event.volunteersNeeded());
        assertEquals(requester, event.requestedBy());
        assertEquals("Weekly visit: chat and help with the shopping list", event.summary());

        List<ConsumerRecord<String, String>> records = TopicProbe.readAll(Topics.NEED_EVENTS);
        assertEquals(id, records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow().key());
        records.forEach(record -> assertEquals(Set.of(), EventSchemas.violations(record.value()), record.value()));
    }

    @Test
    void oneVolunteerIsNeededUnlessSaidOtherwise() {
        String body = raiseRequest(ADMIN).replace("\"volunteersNeeded\": 2, ", "");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/needs")
                .then().statusCode(201).body("volunteersNeeded", equalTo(1));
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefusedOnTheEnd() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        assertRefused(raiseRequest(newRequester(), start, start.minus(1, ChronoUnit.HOURS)), "window.end",
                "must be after start");
        assertRefused(raiseRequest(newRequester(), start, start), "window.end", "must be after start");
    }

    @Test
    void aWindowThatIsOverIsRefused() {
        Instant start = Instant.now().minus(3, ChronoUnit.HOURS);
        assertRefused(raiseRequest(newRequester(), start, start.plus(1, ChronoUnit.HOURS)), "window.end",
                "must be in the future");
    }

    @Test
    void anUnknownUrgencyIsRefused() {
        assertRefused(raiseRequest(newRequester()).replace("\"URGENT\"", "\"SOONISH\""), "urgency",
                "must be one of ROUTINE, URGENT, EMERGENCY");
    }

    @Test
    void aNeedWithoutLocationIsRefused() {
        assertRefused(raiseRequest(newRequester())
                .replace("\"location\": {\"latitude\": 31.2304, \"longitude\": 121.4737},", ""), "location",
                "must not be null");
    }

    @Test
    void aLatitudeBeyondThePoleIsRefused() {
        assertRefused(raiseRequest(newRequester()).replace("31.2304", "95"), "location.latitude", "90");
    }

    @Test
    void volunteersNeededMustBeOneToTwenty() {
        String body = raiseRequest(newRequester());
        assertRefused(body.replace("\"volunteersNeeded\": 2", "\"volunteersNeeded\": 0"), "volunteersNeeded", "1");
        assertRefused(body.replace("\"volunteersNeeded\": 2", "\"volunteersNeeded\": 21"), "volunteersNeeded", "20");
    }

    @Test
    void theOtherFieldsAreCheckedToo() {
        String body = raiseRequest(newRequester());
        assertRefused(body.replace("\"home-visit\"", "\"gardening\""), "category", "must be one of home-visit");
        assertRefused(body.replace("\"elder-care\"", "\"Elder Care\""), "requiredSkill", "skill code");
        assertRefused(raiseRequest("sw-" + "x".repeat(62)), "requestedBy", "64");
        assertRefused(body.replace("Weekly visit: chat and help with the shopping list", "x".repeat(501)),
                "summary", "500");
    }

    /** Issue #16, Trust: actor fields come from the token; a body may leave requestedBy out or repeat the caller. */
    @Test
    void aNeedIsRaisedInTheCallersNameOnly() {
        String requester = newRequester();
        assertProblem(asRequester(requester).body(raiseRequest("sw-someone-else")).post("/api/v1/needs").then(),
                422, "requestedBy", "caller");
        assertProblem(asRequester(requester).body(raiseRequest(" ")).post("/api/v1/needs").then(),
                422, "requestedBy", "caller");
        given().get("/api/v1/needs?requestedBy=sw-someone-else").then().body("totalItems", equalTo(0));

        String withoutField = raiseRequest(requester).replace("\"requestedBy\": \"%s\",".formatted(requester), "");
        asRequester(requester).body(withoutField).post("/api/v1/needs").then().statusCode(201)
                .body("requestedBy", equalTo(requester));
        asRequester(requester).body(raiseRequest(requester)).post("/api/v1/needs").then().statusCode(201)
                .body("requestedBy", equalTo(requester));
        given().get("/api/v1/needs?requestedBy=" + requester).then().body("totalItems", equalTo(2));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"category\": ")
                .when().post("/api/v1/needs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("请求无效"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameNeedAndPublishesOnce() {
        String requester = newRequester();
        String key = UUID.randomUUID().toString();
        String body = raiseRequest(requester);
        String first = asRequester(requester).header("Idempotency-Key", key).body(body)
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        String second = asRequester(requester).header("Idempotency-Key", key).body(body)
                .post("/api/v1/needs").then().statusCode(201)
                .header("Location", endsWith(first)).extract().path("id");
        assertEquals(first, second);
        asRequester(requester).header("Idempotency-Key", key).body(body.replace("\"URGENT\"", "\"ROUTINE\""))
                .post("/api/v1/needs").then().statusCode(422).contentType("application/problem+json");

        given().get("/api/v1/needs?requestedBy=" + requester).then().body("items.id", contains(first));
        assertEquals(1, TopicProbe.await(Topics.NEED_EVENTS, NeedRaised.TYPE,
                e -> e.aggregateId().equals(first), TIMEOUT).size());
        assertEquals(0, TopicProbe.readAll(Topics.NEED_EVENTS).stream()
                .filter(r -> r.value().contains(requester) && !r.key().equals(first)).count());
    }

    @Test
    void listingIsNewestFirstAndFilters() {
        String requester = newRequester();
        String homeVisit = raiseNeed(requester);
        String tutoring = asRequester(requester)
                .body(raiseRequest(requester).replace("\"home-visit\"", "\"tutoring\""))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        raiseNeed(newRequester());

        given().get("/api/v1/needs?requestedBy=" + requester)
                .then().statusCode(200)
                .body("items.id", contains(tutoring, homeVisit))
                .body("totalItems", equalTo(2));
        given().get("/api/v1/needs?requestedBy=" + requester + "&category=tutoring")
                .then().body("items.id", contains(tutoring));
        given().get("/api/v1/needs?requestedBy=" + requester + "&status=OPEN")
                .then().body("items.id", contains(tutoring, homeVisit));
        given().get("/api/v1/needs?requestedBy=" + requester + "&status=ASSIGNED")
                .then().body("items", empty()).body("totalItems", equalTo(0));
        given().get("/api/v1/needs?requestedBy=" + requester + "&size=1&page=1")
                .then().body("items.id", contains(homeVisit)).body("totalPages", equalTo(2));
        given().get("/api/v1/needs?status=DONE").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", contains("status"));
        given().get("/api/v1/needs?category=gardening").then().statusCode(400)
                .body("violations.field", contains("category"));
        given().get("/api/v1/needs?size=101").then().statusCode(400)
                .body("violations.field", contains("size"));
    }

    @Test
    void anUnknownNeedIsAProblem404() {
        given().get("/api/v1/needs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("未找到"));
    }

    @Test
    void theOpenApiDocumentDescribesTheOperations() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/needs'.post.operationId", equalTo("raiseNeed"))
                .body("paths.'/api/v1/needs'.get.operationId", equalTo("listNeeds"))
                .body("paths.'/api/v1/needs/{id}'.get.operationId", equalTo("getNeed"))
                .body("components.schemas.RaiseNeedRequest.properties.summary.description",
                        containsString("no personal data"));
    }

    @Test
    void readinessChecksTheDatabaseKafkaAndTheRelay() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox-relay"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    /** Refused with a problem naming the one field, and nothing stored. */
    private static void assertRefused(String body, String field, String messagePart) {
        long before = given().get("/api/v1/needs?size=1").then().extract().jsonPath().getLong("totalItems");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/needs")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/needs"))
                .body("violations.field", contains(field))
                .body("violations[0].message", ApiAssertions.inEnglish(containsString(messagePart)));
        given().get("/api/v1/needs?size=1").then().body("totalItems", equalTo((int) before));
    }
}
