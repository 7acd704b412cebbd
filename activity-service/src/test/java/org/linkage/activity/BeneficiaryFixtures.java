package org.linkage.activity;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.linkage.testing.As;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Beneficiaries with personal data recognisable in any text, so that a test can prove it never leaks. */
public final class BeneficiaryFixtures {

    public static final String COMMUNITY = "xinhua";

    /** A unique marker; names, phones and addresses built from it are found by a plain substring search. */
    public static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String childRequest(String marker, String socialWorker, boolean withGuardian) {
        LocalDate birth = LocalDate.now().minusYears(9);
        String guardian = withGuardian ? """
                {"name": "Guardian %1$s", "phone": "+86 138 %1$s", "relation": "mother"}""".formatted(marker)
                : "null";
        return """
                {"focusGroup": "CHILD", "fullName": "Child %1$s", "phone": null,
                 "address": "Lane %1$s, Room 401", "birthDate": "%2$s",
                 "home": {"latitude": 31.23456, "longitude": 121.47123},
                 "community": "%5$s", "socialWorkerId": "%3$s", "guardian": %4$s}"""
                .formatted(marker, birth, socialWorker, guardian, COMMUNITY);
    }

    public static String elderRequest(String marker, String socialWorker) {
        return """
                {"focusGroup": "ELDERLY", "fullName": "Elder %1$s", "phone": "+86 139 %1$s",
                 "address": "Alley %1$s, No. 7", "birthDate": "1940-03-02",
                 "home": {"latitude": 31.21987, "longitude": 121.43654},
                 "community": "%3$s", "socialWorkerId": "%2$s", "guardian": null}"""
                .formatted(marker, socialWorker, COMMUNITY);
    }

    public static String register(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/beneficiaries")
                .then().statusCode(201).extract().path("id");
    }

    /** A request as the beneficiaries' social worker: a child's record is theirs alone. */
    public static RequestSpecification asSocialWorker(String socialWorker) {
        return As.socialWorker(socialWorker, COMMUNITY);
    }

    public static void consent(String beneficiaryId, String socialWorker, String relation, String purpose) {
        asSocialWorker(socialWorker).contentType(ContentType.JSON).body("""
                        {"givenBy": "the guardian", "relation": "%s", "purpose": "%s", "givenAt": "%s",
                         "recordedBy": "%s"}"""
                        .formatted(relation, purpose, Instant.now().minusSeconds(60), socialWorker))
                .post("/api/v1/beneficiaries/" + beneficiaryId + "/consents").then().statusCode(201);
    }

    /** A need for the beneficiary at their home (no location given). */
    public static String needFor(String beneficiaryId, String category, String requestedBy) {
        Instant start = Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return """
                {"category": "%s", "requiredSkill": "tutoring", "beneficiaryId": "%s",
                 "window": {"start": "%s", "end": "%s"}, "urgency": "ROUTINE", "requestedBy": "%s",
                 "summary": "Homework help, twice a week"}"""
                .formatted(category, beneficiaryId, start, start.plusSeconds(7200), requestedBy);
    }

    private BeneficiaryFixtures() {
    }
}
