package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventEnvelope;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationExpiring;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.volunteer.service.CertificationExpiryNotices;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class CertificationsTest extends SignedInAsStaff {

    @Inject
    CertificationExpiryNotices expiryNotices;

    private static String certification(String type, String issuedOn, String expiresOn) {
        return """
                {"type": "%s", "number": "HC-%s", "issuer": "上海市红十字会", "issuedOn": "%s", "expiresOn": "%s",
                 "documentRef": "documents/certifications/8f3c.pdf"}"""
                .formatted(type, UUID.randomUUID(), issuedOn, expiresOn);
    }

    private static String add(String volunteerId, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/volunteers/" + volunteerId + "/certifications")
                .then().statusCode(201).extract().path("id");
    }

    private static void decide(String volunteerId, String certificationId, String body, int expected) {
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/volunteers/" + volunteerId + "/certifications/" + certificationId + "/verification")
                .then().statusCode(expected);
    }

    @Test
    void aCertificationAwaitsVerificationAndCountsOnceVerified() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/certifications";
        String id = given().contentType(ContentType.JSON)
                .body(certification("first-aid", "2025-03-01", "2099-03-01"))
                .post(url)
                .then().statusCode(201)
                .header("Location", containsString(url + "/"))
                .body("verification", equalTo("PENDING"))
                .body("valid", equalTo(false))
                .body("expiresOn", equalTo("2099-03-01"))
                .extract().path("id");

        given().contentType(ContentType.JSON).body("{\"decision\": \"VERIFIED\"}")
                .post(url + "/" + id + "/verification")
                .then().statusCode(200)
                .body("verification", equalTo("VERIFIED"))
                .body("valid", equalTo(true));
        given().get(url).then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items.id", contains(id));
        given().queryParam("certification", "first-aid").queryParam("q", "李明").queryParam("size", 100)
                .get("/api/v1/volunteers").then().statusCode(200).body("items.id", hasItem(volunteer));

        List<EventEnvelope> verified = TestVolunteers.awaitEvents(volunteer, CertificationVerified.TYPE);
        assertEquals(1, verified.size());
        CertificationVerified event = verified.get(0).payloadAs(CertificationVerified.class);
        assertEquals("first-aid", event.certificationType());
        assertEquals(LocalDate.of(2099, 3, 1), event.expiresOn());
        assertEquals(UUID.fromString(id), event.certificationId());

        decide(volunteer, id, "{\"decision\": \"REJECTED\", \"reason\": \"late\"}", 409);
        given().get(url + "/" + id).then().body("verification", equalTo("VERIFIED"));
    }

    @Test
    void anExpiredCertificationNoLongerCounts() {
        String volunteer = TestVolunteers.register();
        String id = add(volunteer, certification("first-aid", "2020-01-01", "2023-01-01"));
        decide(volunteer, id, "{\"decision\": \"VERIFIED\"}", 200);
        given().get("/api/v1/volunteers/" + volunteer + "/certifications/" + id)
                .then().statusCode(200).body("verification", equalTo("VERIFIED")).body("valid", equalTo(false));
        given().queryParam("certification", "first-aid").queryParam("sort", "-createdAt").get("/api/v1/volunteers")
                .then().statusCode(200).body("items.id", not(hasItem(volunteer)));
    }

    @Test
    void aRejectionNeedsAReasonAndPublishesNothing() {
        String volunteer = TestVolunteers.register();
        String id = add(volunteer, certification("nursing", "2025-03-01", "2030-03-01"));
        String url = "/api/v1/volunteers/" + volunteer + "/certifications/" + id;
        given().contentType(ContentType.JSON).body("{\"decision\": \"REJECTED\"}").post(url + "/verification")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("reason"));
        given().contentType(ContentType.JSON).body("{\"decision\": \"PENDING\"}").post(url + "/verification")
                .then().statusCode(400).body("violations.field", contains("decision"));
        given().get(url).then().body("verification", equalTo("PENDING"));

        given().contentType(ContentType.JSON).body("{\"decision\": \"REJECTED\", \"reason\": \"证书编号与扫描件不符\"}")
                .post(url + "/verification")
                .then().statusCode(200)
                .body("verification", equalTo("REJECTED"))
                .body("verificationReason", equalTo("证书编号与扫描件不符"))
                .body("valid", equalTo(false));
        // Newest first, so the volunteer would be on this page if the filter let them through.
        given().queryParam("certification", "nursing").queryParam("sort", "-createdAt").get("/api/v1/volunteers")
                .then().statusCode(200).body("items.id", not(hasItem(volunteer)));
        // Rejection is not announced: a later event of the volunteer arrives with no CertificationVerified before it.
        given().contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\", \"reason\": \"核查\"}")
                .post("/api/v1/volunteers/" + volunteer + "/status").then().statusCode(200);
        TestVolunteers.awaitEvents(volunteer, VolunteerChanged.TYPE);
        assertTrue(TestVolunteers.eventsSoFar(volunteer, CertificationVerified.TYPE).isEmpty());
    }

    @Test
    void badCertificationsAreRefusedNamingTheFieldAndNothingIsStored() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/certifications";
        given().contentType(ContentType.JSON).body(certification("first-aid", "2025-03-01", "2025-03-01")).post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("expiresOn"))
                .body("detail", containsString("须晚于 issuedOn"));
        given().contentType(ContentType.JSON).body(certification("first-aid", "2025-03-01", "2024-03-01")).post(url)
                .then().statusCode(400).body("violations.field", contains("expiresOn"));
        given().contentType(ContentType.JSON).body(certification("pilot", "2025-03-01", "2028-03-01")).post(url)
                .then().statusCode(400).body("violations.field", contains("type"));
        given().contentType(ContentType.JSON).body(certification("first-aid", "2025-03-01", "2028-03-01")
                        .replace("\"issuer\": \"上海市红十字会\"", "\"issuer\": \"\""))
                .post(url).then().statusCode(400).body("violations.field", contains("issuer"));
        given().contentType(ContentType.JSON).body(certification("first-aid", "2025-13-01", "2028-03-01")).post(url)
                .then().statusCode(400).body("violations.field", contains("issuedOn"));
        given().get(url).then().statusCode(200).body("totalItems", equalTo(0));

        String body = certification("first-aid", "2025-03-01", "2028-03-01");
        add(volunteer, body);
        given().contentType(ContentType.JSON).body(body).post(url)
                .then().statusCode(409).body("violations.field", contains("number"));
        given().get(url).then().body("totalItems", equalTo(1));

        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/volunteers/" + UUID.randomUUID() + "/certifications")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/volunteers/" + volunteer + "/certifications/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOneCertification() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/certifications";
        String key = UUID.randomUUID().toString();
        String body = certification("first-aid", "2025-03-01", "2028-03-01");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(url)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(url)
                .then().statusCode(201).body("id", equalTo(first));
        given().get(url).then().body("totalItems", equalTo(1));
    }

    @Test
    void expiryNoticesAreSentOnceEachOnlyForVerifiedCertificationsAndCatchUpMissedDays() {
        String volunteer = TestVolunteers.register();
        String expiresEndOfMarch = add(volunteer, certification("first-aid", "2027-03-31", "2030-03-31"));
        decide(volunteer, expiresEndOfMarch, "{\"decision\": \"VERIFIED\"}", 200);
        String unverified = add(volunteer, certification("nursing", "2027-03-31", "2030-03-31"));
        String expiredBeforeFirstRun = add(volunteer, certification("counselling-licence", "2027-02-10", "2030-02-10"));
        decide(volunteer, expiredBeforeFirstRun, "{\"decision\": \"VERIFIED\"}", 200);

        expiryNotices.sendDue(LocalDate.of(2030, 2, 28)); // 31 days ahead of March 31: not yet
        expiryNotices.sendDue(LocalDate.of(2030, 3, 1));  // 30 days ahead; the February one was missed
        expiryNotices.sendDue(LocalDate.of(2030, 3, 2));
        expiryNotices.sendDue(LocalDate.of(2030, 3, 31));
        expiryNotices.sendDue(LocalDate.of(2030, 4, 5));

        // The volunteer's events stay in order: once this later one is out, every notice before it is too
        // (and awaitEvents checks them all against their schemas).
        given().contentType(ContentType.JSON).body("{\"status\": \"SUSPENDED\", \"reason\": \"核查\"}")
                .post("/api/v1/volunteers/" + volunteer + "/status").then().statusCode(200);
        TestVolunteers.awaitEvents(volunteer, VolunteerChanged.TYPE);

        List<CertificationExpiring> expiring = TestVolunteers.eventsSoFar(volunteer, CertificationExpiring.TYPE)
                .stream().map(e -> e.payloadAs(CertificationExpiring.class)).toList();
        assertEquals(List.of(UUID.fromString(expiresEndOfMarch)),
                expiring.stream().map(CertificationExpiring::certificationId).toList());
        assertEquals(LocalDate.of(2030, 3, 31), expiring.get(0).expiresOn());
        assertEquals("first-aid", expiring.get(0).certificationType());

        List<CertificationExpired> expired = TestVolunteers.eventsSoFar(volunteer, CertificationExpired.TYPE)
                .stream().map(e -> e.payloadAs(CertificationExpired.class)).toList();
        assertEquals(2, expired.size());
        assertEquals(Set.of(UUID.fromString(expiresEndOfMarch), UUID.fromString(expiredBeforeFirstRun)),
                expired.stream().map(CertificationExpired::certificationId).collect(Collectors.toSet()));
        assertTrue(expired.stream().noneMatch(e -> e.certificationId().equals(UUID.fromString(unverified))));
    }
}
