package org.linkage.volunteer.rest;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A certificate people can trust: a PDF in an embedded Chinese font whose QR code opens a public verification. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class CertificateVerificationTest extends SignedInAsStaff {

    private static final String VERIFICATIONS = "/api/v1/certificate-verifications/";

    @Inject
    EntityManager entityManager;

    @Test
    void thePdfShowsNameHoursByYearAndStarsInAnEmbeddedSubsetAndItsQrCodeVerifiesIt() throws Exception {
        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("120", "2025-06-01"));
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("200.5", "2026-03-01"));
        JsonPath issued = issue(volunteer);
        assertEquals(2, issued.getInt("starLevel"));
        assertEquals(List.of(2025, 2026), issued.getList("hoursByYear.year"));
        assertEquals(List.of(120.0f, 200.5f), issued.getList("hoursByYear.hours"));
        String verificationUrl = issued.getString("verificationUrl");
        assertTrue(verificationUrl.matches("http://localhost:8081" + VERIFICATIONS + "[A-Za-z0-9_-]{24}"),
                verificationUrl);

        byte[] pdf = download(volunteer, issued.getString("id"));
        assertEquals(issued.getString("pdfSha256"), sha256(pdf), "the download is the PDF as issued");
        assertArrayEquals(pdf, download(volunteer, issued.getString("id")), "every download is the same bytes");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("李明"), text);
            assertTrue(text.contains(issued.getString("number")), text);
            assertTrue(text.contains("★★☆☆☆"), text);
            assertTrue(text.contains("2025") && text.contains("120") && text.contains("200.5"), text);
            assertTrue(text.contains("320.5"), text);

            List<PDFont> fonts = fontsOf(document.getPage(0));
            List<String> names = fonts.stream().map(PDFont::getName).toList();
            PDFont chinese = fonts.stream().filter(font -> font.getName().contains("WenQuanYi")).findFirst()
                    .orElseThrow(() -> new AssertionError("the certificate font is not used: " + names));
            assertTrue(chinese.isEmbedded(), chinese.getName());
            assertTrue(chinese.getName().matches("[A-Z]{6}\\+WenQuanYi.*"),
                    "embedded as a subset, named ABCDEF+...: " + chinese.getName());
            assertTrue(fonts.stream().allMatch(PDFont::isEmbedded), "every font used is embedded: " + names);

            assertEquals(verificationUrl, qrCodeOf(document), "the QR code links to the verification");
        }

        String path = URI.create(verificationUrl).getPath();
        String answer = given().auth().none().get(path).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("status", equalTo("VALID"))
                .body("number", equalTo(issued.getString("number")))
                .body("issuedAt", equalTo(issued.getString("issuedAt")))
                .body("issuingOrganisation", equalTo("Linkage District Volunteer Service Centre"))
                .body("holder", equalTo("李**"))
                .body("pdfSha256", equalTo(sha256(pdf)))
                .extract().asString();
        Map<String, Object> fields = JsonPath.from(answer).getMap("");
        assertEquals(new TreeSet<>(Set.of("number", "status", "issuedAt", "issuingOrganisation", "holder",
                "pdfSha256")), new TreeSet<>(fields.keySet()), "the verification tells nothing else");
        assertFalse(answer.contains("李明") || answer.contains(volunteer), answer);

        given().auth().none().contentType("application/pdf").body(pdf).post(path + "/checks")
                .then().statusCode(200)
                .body("matches", equalTo(true))
                .body("status", equalTo("VALID"))
                .body("sha256", equalTo(sha256(pdf)));
        byte[] altered = pdf.clone();
        altered[altered.length / 2] ^= 0x01;
        given().auth().none().contentType("application/pdf").body(altered).post(path + "/checks")
                .then().statusCode(200)
                .body("matches", equalTo(false))
                .body("sha256", not(equalTo(sha256(pdf))));
    }

    /** What a phone's browser sends when the QR code is scanned. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserThatOpensTheQrCodeGetsAChinesePageTellingNoMoreThanTheJson() {
        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("12", "2026-03-01"));
        JsonPath issued = issue(volunteer);
        String path = URI.create(issued.getString("verificationUrl")).getPath();

        String page = given().auth().none().accept(BROWSER).get(path).then().statusCode(200)
                .contentType("text/html").header("Content-Language", "zh-CN")
                .extract().asString();
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<html lang=\"zh-CN\">"), page);
        assertTrue(page.contains("该证明真实有效") && page.contains("有效"), page);
        assertTrue(page.contains(issued.getString("number")), page);
        assertTrue(page.contains("李**") && page.contains(issued.getString("pdfSha256")), page);
        assertTrue(page.contains("Linkage District Volunteer Service Centre"), page);
        assertFalse(page.contains("李明") || page.contains(volunteer), "no personal data beyond the masked name");

        // Clients that take anything, or ask for JSON, get the JSON answer as before.
        given().auth().none().get(path).then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("VALID"));
        given().auth().none().accept("*/*").get(path).then().statusCode(200).contentType(ContentType.JSON);
        given().auth().none().accept("application/json, text/html;q=0.5").get(path).then().statusCode(200)
                .contentType(ContentType.JSON).body("holder", equalTo("李**"));
        // An unknown code is still a problem, whatever was asked for.
        given().auth().none().accept(BROWSER).get(VERIFICATIONS + "q3XbN0u7Yk2vR9sWcT4mLa8e").then()
                .statusCode(404);
    }

    @Test
    void staffRevokeOneCertificateAuditedAndItsVerificationSaysRevoked() throws Exception {
        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("5", "2026-03-01"));
        JsonPath revokedOne = issue(volunteer);
        JsonPath keptOne = issue(volunteer);
        String certificates = "/api/v1/volunteers/" + volunteer + "/hours-certificates/";
        String revocation = certificates + revokedOne.getString("id") + "/revocation";
        byte[] pdf = download(volunteer, revokedOne.getString("id"));

        // Bad input names the field; the volunteer themself may not revoke; nothing changes meanwhile.
        given().contentType(ContentType.JSON).body("{\"reason\": \"  \"}").post(revocation).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{}").post(revocation).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body("{\"reason\": \"" + "x".repeat(501) + "\"}").post(revocation)
                .then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(Tokens.volunteer(UUID.fromString(volunteer))).contentType(ContentType.JSON)
                .body("{\"reason\": \"mine\"}").post(revocation).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"reason\": \"wrong\"}")
                .post(certificates + UUID.randomUUID() + "/revocation").then().statusCode(404);
        String path = URI.create(revokedOne.getString("verificationUrl")).getPath();
        given().auth().none().get(path).then().statusCode(200).body("status", equalTo("VALID"));

        given().contentType(ContentType.JSON).body("{\"reason\": \"Issued for the wrong period; reissued\"}")
                .post(revocation).then().statusCode(200)
                .body("id", equalTo(revokedOne.getString("id")))
                .body("revokedAt", notNullValue())
                .body("revocationReason", equalTo("Issued for the wrong period; reissued"));
        given().auth().none().get(path).then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("holder", nullValue())
                .body("pdfSha256", nullValue());
        given().auth().none().contentType("application/pdf").body(pdf).post(path + "/checks").then()
                .statusCode(200).body("matches", equalTo(false)).body("status", equalTo("REVOKED"));
        given().auth().none().get(URI.create(keptOne.getString("verificationUrl")).getPath()).then()
                .statusCode(200).body("status", equalTo("VALID")).body("holder", equalTo("李**"));

        given().contentType(ContentType.JSON).body("{\"reason\": \"again\"}").post(revocation).then()
                .statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("certificateId"));
        given().get(certificates + revokedOne.getString("id")).then().statusCode(200)
                .body("revocationReason", equalTo("Issued for the wrong period; reissued"));
        given().auth().oauth2(ADMIN).queryParam("resourceType", "HoursCertificate")
                .queryParam("resourceId", revokedOne.getString("id")).queryParam("size", 50)
                .get("/api/v1/audit-entries").then().statusCode(200)
                .body("items.findAll { it.action == 'UPDATE' }.actor", contains(STAFF_ID))
                .body("items.findAll { it.action == 'UPDATE' }.purpose",
                        contains(containsString("Issued for the wrong period; reissued")));
    }

    @Test
    void anUnknownCodeIsNotFoundAndAnEmptyCheckIsRefused() {
        given().auth().none().get(VERIFICATIONS + "q3XbN0u7Yk2vR9sWcT4mLa8e").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth().none().contentType("application/pdf").body(new byte[] {1, 2, 3})
                .post(VERIFICATIONS + "q3XbN0u7Yk2vR9sWcT4mLa8e/checks").then().statusCode(404)
                .contentType("application/problem+json");

        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("3", "2026-03-01"));
        String path = URI.create(issue(volunteer).getString("verificationUrl")).getPath();
        given().auth().none().contentType("application/pdf").body(new byte[0]).post(path + "/checks")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anErasedVolunteersCertificateIsRevokedAndNamesNoOne() throws Exception {
        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("8", "2026-03-01"));
        JsonPath issued = issue(volunteer);
        String path = URI.create(issued.getString("verificationUrl")).getPath();
        byte[] pdf = download(volunteer, issued.getString("id"));

        As.token(ADMIN).post("/api/v1/volunteers/" + volunteer + "/erasure").then().statusCode(200);

        given().auth().none().get(path).then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("number", equalTo(issued.getString("number")))
                .body("holder", nullValue())
                .body("pdfSha256", nullValue());
        given().auth().none().contentType("application/pdf").body(pdf).post(path + "/checks")
                .then().statusCode(200)
                .body("matches", equalTo(false))
                .body("status", equalTo("REVOKED"));
        String page = given().auth().none().accept(BROWSER).get(path).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertTrue(page.contains("该证明已被撤销") && !page.contains("持有人") && !page.contains("李"), page);
        byte[] reprinted = download(volunteer, issued.getString("id"));
        try (PDDocument document = Loader.loadPDF(reprinted)) {
            String text = new PDFTextStripper().getText(document);
            assertFalse(text.contains("李明"), text);
            assertTrue(text.contains("已注销志愿者"), text);
        }
        given().get("/api/v1/volunteers/" + volunteer + "/hours-certificates/" + issued.getString("id"))
                .then().statusCode(200)
                .body("pdfSha256", nullValue())
                .body("verificationUrl", matchesPattern(".*" + VERIFICATIONS + ".*"));
    }

    @Test
    void aCertificateIssuedBeforePdfsWereKeptGetsItsPdfAtItsFirstReading() {
        String volunteer = TestVolunteers.register();
        HoursLedgerTest.correct(volunteer, HoursLedgerTest.correction("5", "2026-03-01"));
        JsonPath issued = issue(volunteer);
        String path = URI.create(issued.getString("verificationUrl")).getPath();
        // As V13 left the certificates issued before it: a code, no PDF.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "UPDATE hours_certificate SET pdf = NULL, pdf_sha256 = NULL WHERE id = ?1")
                .setParameter(1, java.util.UUID.fromString(issued.getString("id"))).executeUpdate());

        String fingerprint = given().auth().none().get(path).then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("pdfSha256", matchesPattern("[0-9a-f]{64}"))
                .extract().path("pdfSha256");
        byte[] pdf = download(volunteer, issued.getString("id"));
        given().auth().none().contentType("application/pdf").body(pdf).post(path + "/checks")
                .then().statusCode(200)
                .body("matches", equalTo(true))
                .body("sha256", equalTo(fingerprint));
    }

    private static JsonPath issue(String volunteer) {
        return given().contentType(ContentType.JSON).body("{\"from\": \"2025-01-01\", \"to\": \"2026-12-31\"}")
                .post("/api/v1/volunteers/" + volunteer + "/hours-certificates")
                .then().statusCode(201)
                .body("pdfSha256", matchesPattern("[0-9a-f]{64}"))
                .extract().jsonPath();
    }

    private static byte[] download(String volunteer, String certificate) {
        return given().get("/api/v1/volunteers/" + volunteer + "/hours-certificates/" + certificate + "/pdf")
                .then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
    }

    private static List<PDFont> fontsOf(PDPage page) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : page.getResources().getFontNames()) {
            fonts.add(page.getResources().getFont(name));
        }
        return fonts;
    }

    /** The page as a person's phone camera would see it, and the QR code read from it. */
    private static String qrCodeOf(PDDocument document) throws Exception {
        BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(page.getWidth(), page.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
