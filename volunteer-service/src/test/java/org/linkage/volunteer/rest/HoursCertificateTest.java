package org.linkage.volunteer.rest;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class HoursCertificateTest extends SignedInAsStaff {

    private static String period(String from, String to) {
        return "{\"from\": \"%s\", \"to\": \"%s\"}".formatted(from, to);
    }

    @Test
    void aCertificateCoversThePeriodsEntriesAsJsonAndAsPdf() throws IOException {
        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("2.5", "2025-12-31"));
        String inPeriod = HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("3", "2026-01-01"));
        String alsoInPeriod = HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("1.25", "2026-02-01"));
        String url = "/api/v1/volunteers/" + volunteer + "/hours-certificates";

        var issued = given().contentType(ContentType.JSON).body(period("2026-01-01", "2026-06-30")).post(url)
                .then().statusCode(201)
                .header("Location", containsString(url + "/"))
                .body("number", matchesPattern("VH-\\d{4}-\\d{6}"))
                .body("volunteerName", equalTo("李明"))
                .body("issuingOrganisation", equalTo("Linkage District Volunteer Service Centre"))
                .body("totalHours", equalTo(4.25f))
                .body("entries.id", contains(inPeriod, alsoInPeriod))
                .extract();
        String id = issued.path("id");
        String number = issued.path("number");

        // Hours recorded after issue do not change the certificate.
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("1", "2026-03-01"));
        given().get(url + "/" + id).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("number", equalTo(number))
                .body("totalHours", equalTo(4.25f))
                .body("entries.id", contains(inPeriod, alsoInPeriod));

        byte[] pdf = given().accept("application/pdf").get(url + "/" + id).then().statusCode(200)
                .contentType("application/pdf")
                .extract().asByteArray();
        assertEquals("%PDF", new String(Arrays.copyOf(pdf, 4), StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(pdf);
        try {
            assertEquals(1, reader.getNumberOfPages());
            assertTrue(reader.getInfo().get("Title").contains(number), reader.getInfo().toString());
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(text.contains(number), text);
            assertTrue(text.contains("4.25"), text);
            // The name, the font and the QR code: CertificateVerificationTest reads them as a reader would.
            assertTrue(text.contains("李明"), text);
        } finally {
            reader.close();
        }
        // The same PDF at its own path, whatever the Accept header (what generated clients call).
        byte[] download = given().accept("*/*").get(url + "/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf")
                .extract().asByteArray();
        assertEquals("%PDF", new String(Arrays.copyOf(download, 4), StandardCharsets.US_ASCII));
        given().get(url + "/" + UUID.randomUUID() + "/pdf").then().statusCode(404);
        As.token(ADMIN).queryParam("resourceType", "HoursCertificate").queryParam("resourceId", id)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.action", everyItem(equalTo("EXPORT")))
                .body("items.actor", everyItem(equalTo(STAFF_ID)));
    }

    @Test
    void badPeriodsAreRefusedAndIssueNothing() {
        String volunteer = TestVolunteers.register();
        String url = "/api/v1/volunteers/" + volunteer + "/hours-certificates";
        given().contentType(ContentType.JSON).body(period("2026-06-30", "2026-01-01")).post(url)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("to"));
        given().contentType(ContentType.JSON).body("{\"from\": \"2026-01-01\"}").post(url)
                .then().statusCode(400).body("violations.field", contains("to"));
        given().contentType(ContentType.JSON).body(period("2026-01-01", "2026-06-30")).post(url)
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(period("2026-01-01", "2026-06-30"))
                .post("/api/v1/volunteers/" + UUID.randomUUID() + "/hours-certificates")
                .then().statusCode(404);
        given().accept("application/pdf").get(url + "/" + UUID.randomUUID())
                .then().statusCode(404);
    }
}
