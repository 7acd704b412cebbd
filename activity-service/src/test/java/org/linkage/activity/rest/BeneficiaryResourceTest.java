package org.linkage.activity.rest;

import org.linkage.activity.AsAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.GeoPoint;
import org.linkage.events.Topics;
import org.linkage.events.need.NeedRaised;
import org.linkage.testing.EventSchemas;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.TopicProbe;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.BeneficiaryFixtures.asSocialWorker;
import static org.linkage.activity.BeneficiaryFixtures.childRequest;
import static org.linkage.activity.BeneficiaryFixtures.consent;
import static org.linkage.activity.BeneficiaryFixtures.elderRequest;
import static org.linkage.activity.BeneficiaryFixtures.marker;
import static org.linkage.activity.BeneficiaryFixtures.needFor;
import static org.linkage.activity.BeneficiaryFixtures.register;
import static org.linkage.activity.NeedFixtures.TIMEOUT;
import static org.linkage.activity.NeedFixtures.asRequester;
import static org.linkage.activity.NeedFixtures.newRequester;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class BeneficiaryResourceTest implements AsAdmin {

    @Test
    void aChildIsRegisteredWithTheirGuardianAndListedForTheirSocialWorker() {
        String socialWorker = newRequester();
        String marker = marker();
        String id = given().contentType(ContentType.JSON).body(childRequest(marker, socialWorker, true))
                .post("/api/v1/beneficiaries")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/beneficiaries/"))
                .body("focusGroup", equalTo("CHILD"))
                .body("fullName", equalTo("Child " + marker))
                .body("minor", equalTo(true))
                .body("guardian.name", equalTo("Guardian " + marker))
                .body("home.latitude", equalTo(31.23456f))
                .extract().path("id");

        asSocialWorker(socialWorker).get("/api/v1/beneficiaries/" + id).then().statusCode(200)
                .body("address", equalTo("Lane " + marker + ", Room 401"))
                .body("guardian.phone", equalTo("+86 138 " + marker))
                .body("socialWorkerId", equalTo(socialWorker));
        String elder = register(elderRequest(marker(), socialWorker));
        given().get("/api/v1/beneficiaries?socialWorkerId=" + socialWorker).then().statusCode(200)
                .body("items.id", contains(elder, id)).body("totalItems", equalTo(2));
        given().get("/api/v1/beneficiaries?socialWorkerId=" + socialWorker + "&focusGroup=ELDERLY")
                .then().body("items.id", contains(elder)).body("items[0].minor", equalTo(false));
        assertProblem(given().get("/api/v1/beneficiaries?focusGroup=TEEN").then(), 400, "focusGroup", "one of");
    }

    @Test
    void aChildUnderFourteenWithoutAGuardianOrBirthDateIsRefusedAndNothingStored() {
        String socialWorker = newRequester();
        assertProblem(given().contentType(ContentType.JSON).body(childRequest(marker(), socialWorker, false))
                .post("/api/v1/beneficiaries").then(), 400, "guardian", "under 14");
        assertProblem(given().contentType(ContentType.JSON)
                .body(childRequest(marker(), socialWorker, true).replaceFirst("\"birthDate\": \"[0-9-]+\"",
                        "\"birthDate\": null"))
                .post("/api/v1/beneficiaries").then(), 400, "birthDate", "required for a child");
        assertProblem(given().contentType(ContentType.JSON)
                .body(elderRequest(marker(), socialWorker)
                        .replaceFirst("\"address\": \"[^\"]+\"", "\"address\": \" \""))
                .post("/api/v1/beneficiaries").then(), 400, "address", "must not be blank");
        given().get("/api/v1/beneficiaries?socialWorkerId=" + socialWorker).then().body("totalItems", equalTo(0));
    }

    @Test
    void aNeedForAMinorNeedsTheGuardiansConsentToThatKindOfHelp() {
        String socialWorker = newRequester();
        String child = register(childRequest(marker(), socialWorker, true));

        assertProblem(asSocialWorker(socialWorker).contentType(ContentType.JSON).body(needFor(child, "tutoring", socialWorker))
                .post("/api/v1/needs").then(), 422, "beneficiaryId", "guardian's consent to tutoring");

        // The child's own consent does not count, and consent to something else does not cover tutoring.
        assertProblem(asSocialWorker(socialWorker).contentType(ContentType.JSON).body("""
                        {"givenBy": "the child", "relation": "SELF", "purpose": "tutoring", "givenAt": "%s",
                         "recordedBy": "%s"}""".formatted(Instant.now().minusSeconds(5), socialWorker))
                .post("/api/v1/beneficiaries/" + child + "/consents").then(), 422, "relation", "GUARDIAN");
        consent(child, socialWorker, "GUARDIAN", "home-visit");
        assertProblem(asSocialWorker(socialWorker).contentType(ContentType.JSON).body(needFor(child, "tutoring", socialWorker))
                .post("/api/v1/needs").then(), 422, "beneficiaryId", "consent");
        asSocialWorker(socialWorker).get("/api/v1/beneficiaries/" + child + "/needs").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(0));
        given().get("/api/v1/needs?requestedBy=" + socialWorker).then().body("totalItems", equalTo(0));
        asSocialWorker(socialWorker).get("/api/v1/beneficiaries/" + child + "/consents").then().statusCode(200)
                .body("relation", contains("GUARDIAN")).body("purpose", contains("home-visit"));

        consent(child, socialWorker, "GUARDIAN", "tutoring");
        String needId = asSocialWorker(socialWorker).contentType(ContentType.JSON).body(needFor(child, "tutoring", socialWorker))
                .post("/api/v1/needs").then().statusCode(201)
                .body("beneficiaryId", equalTo(child))
                .body("careCategory", equalTo("CHILD"))
                .body("community", equalTo("xinhua"))
                .body("location.latitude", equalTo(31.23456f))
                .extract().path("id");
        asSocialWorker(socialWorker).get("/api/v1/beneficiaries/" + child + "/needs").then()
                .body("items.id", contains(needId));

        EventEnvelope raised = TopicProbe.await(Topics.NEED_EVENTS, NeedRaised.TYPE,
                e -> e.aggregateId().equals(needId), TIMEOUT).get(0);
        NeedRaised event = raised.payloadAs(NeedRaised.class);
        assertEquals(new GeoPoint(31.235, 121.471), event.location(), "the home is blurred to 3 decimals");
        assertEquals("CHILD", event.careCategory());
        assertEquals(UUID.fromString(child), event.beneficiaryRef());
        assertEquals("xinhua", event.community());
        String json = TopicProbe.readAll(Topics.NEED_EVENTS).stream()
                .filter(r -> r.key().equals(needId)).findFirst().orElseThrow().value();
        assertEquals(Set.of(), EventSchemas.violations(json));
    }

    @Test
    void anAdultNeedsNoGuardianConsentAndAnUnknownBeneficiaryIsRefused() {
        String socialWorker = newRequester();
        String elder = register(elderRequest(marker(), socialWorker));
        asRequester(socialWorker).body(needFor(elder, "home-visit", socialWorker))
                .post("/api/v1/needs").then().statusCode(201).body("careCategory", equalTo("ELDERLY"));
        assertProblem(asRequester(socialWorker)
                .body(needFor(UUID.randomUUID().toString(), "home-visit", socialWorker))
                .post("/api/v1/needs").then(), 422, "beneficiaryId", "does not exist");
        given().get("/api/v1/needs?requestedBy=" + socialWorker).then().body("totalItems", equalTo(1));
    }

    @Test
    void thePersonalFileKeepsNotesAndVisitsNewestFirst() {
        String elder = register(elderRequest(marker(), newRequester()));
        String path = "/api/v1/beneficiaries/" + elder + "/file-entries";
        given().contentType(ContentType.JSON).body("""
                {"kind": "VISIT", "text": "Flat warm, fridge stocked", "occurredAt": "2026-11-01T02:00:00Z",
                 "author": "admin-tests"}""").post(path).then().statusCode(201).body("kind", equalTo("VISIT"));
        given().contentType(ContentType.JSON).body("""
                {"kind": "NOTE", "text": "Daughter visits on Sundays", "occurredAt": "2026-11-03T02:00:00Z",
                 "author": "admin-tests"}""").post(path).then().statusCode(201);
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"kind": "GOSSIP", "text": "x", "occurredAt": "2026-11-03T02:00:00Z", "author": "admin-tests"}""")
                .post(path).then(), 400, "kind", "must be one of NOTE, VISIT");
        assertProblem(given().contentType(ContentType.JSON).body("""
                {"kind": "NOTE", "text": "x", "occurredAt": "2999-11-03T02:00:00Z", "author": "admin-tests"}""")
                .post(path).then(), 400, "occurredAt", "past");

        given().get(path).then().statusCode(200)
                .body("items.kind", contains("NOTE", "VISIT"))
                .body("items[1].text", equalTo("Flat warm, fridge stocked"))
                .body("totalItems", equalTo(2));
        assertProblem(given().get("/api/v1/beneficiaries/" + UUID.randomUUID() + "/file-entries").then(), 404);
    }

    @Test
    void theGuardianIsReplacedOnlyAgainstTheCurrentVersion() {
        String socialWorker = newRequester();
        String child = register(childRequest(marker(), socialWorker, true));
        String guardian = """
                {"name": "Grandfather", "phone": "+86 137 0000 0000", "relation": "grandfather"}""";
        asSocialWorker(socialWorker).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(guardian)
                .put("/api/v1/beneficiaries/" + child + "/guardian").then().statusCode(412);
        asSocialWorker(socialWorker).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(guardian)
                .put("/api/v1/beneficiaries/" + child + "/guardian").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("guardian.relation", equalTo("grandfather"));
        asSocialWorker(socialWorker).get("/api/v1/beneficiaries/" + child).then()
                .body("guardian.name", equalTo("Grandfather"));
    }

    @Test
    void theConsentListOfAnUnknownBeneficiaryIsA404() {
        assertProblem(given().get("/api/v1/beneficiaries/" + UUID.randomUUID() + "/consents").then(), 404);
        given().get("/api/v1/beneficiaries/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
