package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.linkage.events.DomainEvent;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.TimeWindow;
import org.linkage.events.Topics;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.need.Urgency;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.linkage.activity.ActivityFixtures.activityRequest;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.COMMUNITY;
import static org.linkage.activity.BeneficiaryFixtures.childRequest;
import static org.linkage.activity.BeneficiaryFixtures.elderRequest;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;
import static org.linkage.activity.NeedFixtures.awaitValue;
import static org.linkage.activity.NeedFixtures.newRequester;
import static org.linkage.activity.NeedFixtures.raiseRequest;

/** Who may see and change what: object level (another's id -> 403) and property level (fields hidden). */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AccessTest {

    private static final String FORBIDDEN = "https://linkage.dev/problems/forbidden";

    private static RequestSpecification as(String token) {
        return As.token(token).contentType(ContentType.JSON);
    }

    private static String socialWorker(String id) {
        return Tokens.socialWorker(id, COMMUNITY);
    }

    private static String register(String token, String body) {
        return as(token).body(body).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    @Test
    void aChildsRecordIsTheResponsibleSocialWorkersAloneAndEachReadIsAudited() {
        String responsible = newRequester();
        String child = register(socialWorker(responsible), childRequest(marker(), responsible, true));

        as(socialWorker(responsible)).get("/api/v1/beneficiaries/" + child).then().statusCode(200);
        assertProblem(as(socialWorker(newRequester())).get("/api/v1/beneficiaries/" + child).then(), 403)
                .body("type", equalTo(FORBIDDEN));
        assertProblem(as(Tokens.admin("admin-1")).get("/api/v1/beneficiaries/" + child + "/file-entries").then(),
                403);
        as(Tokens.admin("admin-1")).get("/api/v1/audit-entries?resourceType=Beneficiary&resourceId=" + child)
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].actor", equalTo(responsible))
                .body("items[0].action", equalTo("READ"));
        // In a list the child is there, but nothing about them unless it is the caller's child.
        as(socialWorker(newRequester())).get("/api/v1/beneficiaries?socialWorkerId=" + responsible).then()
                .statusCode(200).body("items[0].id", equalTo(child)).body("items[0].fullName", nullValue())
                .body("items[0].address", nullValue());
        as(socialWorker(responsible)).get("/api/v1/beneficiaries?socialWorkerId=" + responsible).then()
                .body("items[0].fullName", org.hamcrest.Matchers.startsWith("Child "));
    }

    @Test
    void anotherCommunitysSocialWorkerIsRefusedAndPhonesAreMaskedButForTheResponsibleOne() {
        String responsible = newRequester();
        String marker = "12345678";
        String elder = register(socialWorker(responsible), elderRequest(marker, responsible));

        as(socialWorker(responsible)).get("/api/v1/beneficiaries/" + elder).then().statusCode(200)
                .body("phone", equalTo("+86 139 12345678"));
        as(socialWorker(newRequester())).get("/api/v1/beneficiaries/" + elder).then().statusCode(200)
                .body("phone", equalTo("139****5678"));
        String outsider = Tokens.socialWorker(newRequester(), "another-community");
        assertProblem(as(outsider).get("/api/v1/beneficiaries/" + elder).then(), 403);
        assertProblem(as(outsider).get("/api/v1/beneficiaries?community=" + COMMUNITY).then(), 403);
        assertProblem(as(outsider).body(elderRequest(marker(), responsible)).post("/api/v1/beneficiaries").then(),
                403);
        assertProblem(as(outsider).get("/api/v1/statistics?community=%s&from=2026-01-01&to=2026-01-31"
                .formatted(COMMUNITY)).then(), 403);

        String need = as(socialWorker(responsible)).body(needFor(elder, "home-visit", responsible))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        assertProblem(as(outsider).get("/api/v1/needs/" + need).then(), 403);
        assertProblem(as(outsider).body("{\"cancelledBy\": \"x\"}").post("/api/v1/needs/" + need + "/cancellation")
                .then(), 403);
        as(outsider).get("/api/v1/needs").then().statusCode(200)
                .body("items.community", org.hamcrest.Matchers.everyItem(equalTo("another-community")));
        as(socialWorker(newRequester())).get("/api/v1/needs/" + need).then().statusCode(200);
    }

    @Test
    void aVolunteerReadsANeedOnlyWhileOfferedOrAssignedAndTheHomeOnlyOnceAccepted() {
        String responsible = newRequester();
        String elder = register(socialWorker(responsible), elderRequest(marker(), responsible));
        String need = as(socialWorker(responsible)).body(needFor(elder, "home-visit", responsible))
                .post("/api/v1/needs").then().statusCode(201).extract().path("id");
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        assertProblem(as(token).get("/api/v1/needs/" + need).then(), 403);

        UUID assignment = UUID.randomUUID();
        Instant start = Instant.now().plusSeconds(86_400);
        send(AssignmentOffered.of(assignment, UUID.fromString(need), volunteer, responsible, "home-visit",
                Urgency.ROUTINE, new TimeWindow(start, start.plusSeconds(3600)), new GeoPoint(31.22, 121.437),
                "Visit", Instant.now().plusSeconds(600)));
        awaitValue(() -> as(token).get("/api/v1/needs/" + need).statusCode(), status -> status == 200);
        as(token).get("/api/v1/needs/" + need).then().statusCode(200)
                .body("location.latitude", equalTo(31.22f)).body("location.longitude", equalTo(121.437f));
        assertProblem(as(Tokens.volunteer(UUID.randomUUID())).get("/api/v1/needs/" + need).then(), 403);
        assertProblem(as(token).get("/api/v1/needs").then(), 403);

        send(AssignmentAccepted.of(assignment, UUID.fromString(need), volunteer, responsible));
        awaitValue(() -> as(token).get("/api/v1/needs/" + need).then().extract().path("status"), "ASSIGNED"::equals);
        as(token).get("/api/v1/needs/" + need).then().body("location.latitude", equalTo(31.21987f));
        assertProblem(as(token).body("{\"volunteerId\": \"%s\", \"report\": \"done\", \"hours\": 1}"
                .formatted(UUID.randomUUID())).post("/api/v1/needs/" + need + "/reports").then(), 403);
    }

    @Test
    void anIntegratorRaisesInItsOwnNameWithTheScopeAndSeesOnlyItsNeeds() {
        String client = "hospital-" + UUID.randomUUID();
        String token = Tokens.integrator(client, "needs:write");
        String own = as(token).body(raiseRequest(client)).post("/api/v1/needs").then().statusCode(201)
                .extract().path("id");
        assertProblem(as(token).body(raiseRequest("sw-someone")).post("/api/v1/needs").then(), 422,
                "requestedBy", "caller");
        assertProblem(as(Tokens.integrator(client)).body(raiseRequest(client)).post("/api/v1/needs").then(), 403);
        String other = as(Tokens.admin("admin-1")).body(raiseRequest("admin-1")).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        assertProblem(as(token).get("/api/v1/needs/" + other).then(), 403);
        as(token).get("/api/v1/needs/" + own).then().statusCode(200);
        as(token).get("/api/v1/needs?requestedBy=sw-someone").then().statusCode(200)
                .body("items.id", contains(own));
    }

    @Test
    void aVolunteerActsOnlyForThemselves() {
        String station = as(Tokens.admin("admin-1")).body("""
                {"name": "S", "kind": "SCHOOL", "address": "1 Road", "location": {"latitude": 31, "longitude": 121},
                 "community": "%s"}""".formatted(COMMUNITY)).post("/api/v1/stations").then().statusCode(201)
                .extract().path("id");
        String activity = as(Tokens.admin("admin-1")).body(activityRequest(station, 5)).post("/api/v1/activities")
                .then().statusCode(201).extract().path("id");
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        assertProblem(as(token).body("{\"volunteerId\": \"%s\"}".formatted(UUID.randomUUID()))
                .post("/api/v1/activities/" + activity + "/sign-ups").then(), 403);
        String signUp = as(token).body("{\"volunteerId\": \"%s\"}".formatted(volunteer))
                .post("/api/v1/activities/" + activity + "/sign-ups").then().statusCode(201).extract().path("id");
        assertProblem(as(Tokens.volunteer(UUID.randomUUID())).body("{\"cancelledBy\": \"VOLUNTEER\"}")
                .post("/api/v1/activities/" + activity + "/sign-ups/" + signUp + "/cancellation").then(), 403);
        assertProblem(as(token).get("/api/v1/activities/" + activity + "/station-code").then(), 403)
                .body("type", equalTo("https://linkage.dev/problems/forbidden-role"));
        assertProblem(as(Tokens.socialWorker("sw-x", "another-community"))
                .get("/api/v1/activities/" + activity + "/station-code").then(), 403);

        String wish = as(Tokens.admin("admin-1")).body("""
                {"title": "Glasses", "community": "%s", "postedBy": "admin-1"}""".formatted(COMMUNITY))
                .post("/api/v1/micro-wishes").then().statusCode(201).extract().path("id");
        assertProblem(as(token).body("{\"volunteerId\": \"%s\"}".formatted(UUID.randomUUID()))
                .post("/api/v1/micro-wishes/" + wish + "/claim").then(), 403);
        as(token).body("{\"volunteerId\": \"%s\"}".formatted(volunteer))
                .post("/api/v1/micro-wishes/" + wish + "/claim").then().statusCode(200);
    }

    private static void send(DomainEvent event) {
        TopicProbe.send(Topics.ASSIGNMENT_EVENTS, EventEnvelope.wrap(event, Instant.now(), null));
    }
}
