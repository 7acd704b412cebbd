package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.activity.AsAdmin;
import org.linkage.testing.InfrastructureTestResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.linkage.activity.ApiAssertions.assertProblem;
import static org.linkage.activity.HazardFixtures.JPEG;

/** Issue #16, strict input, on the multipart upload and the lists: what used to answer 500. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class StrictInputTest implements AsAdmin {

    private static final String BOUNDARY = "strict-boundary";

    private static int reports(String community) {
        return given().get("/api/v1/hazard-reports?community=" + community).then().statusCode(200)
                .extract().path("totalItems");
    }

    @Test
    void aTruncatedMultipartBodyIs400AndStoresNothing() {
        String community = "c-" + UUID.randomUUID();
        String truncated = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"community\"\r\n\r\n"
                + community + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"photo\"; "
                + "filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00e0 and then noth";
        given().contentType("multipart/form-data; boundary=" + BOUNDARY).body(truncated.getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .post("/api/v1/hazard-reports").then().statusCode(400).contentType("application/problem+json");
        given().contentType("multipart/form-data").body("no boundary at all".getBytes())
                .post("/api/v1/hazard-reports").then().statusCode(400).contentType("application/problem+json");
        assertProblem(given().contentType("application/json").body("{\"category\": ")
                .post("/api/v1/hazard-reports").then(), 400);
        org.junit.jupiter.api.Assertions.assertEquals(0, reports(community));
    }

    @Test
    void aControlCharacterInAFormFieldIs400NamingIt() {
        String community = "c-" + UUID.randomUUID();
        assertProblem(given().multiPart("photo", "a.jpg", JPEG, "image/jpeg")
                .multiPart("category", "fallen-tree").multiPart("latitude", "46").multiPart("longitude", "101")
                .multiPart("reportedBy", UUID.randomUUID().toString())
                .multiPart("description", "a\u0000b").multiPart("community", community)
                .post("/api/v1/hazard-reports").then(), 400, "description", "control characters");
        org.junit.jupiter.api.Assertions.assertEquals(0, reports(community));
    }

    @Test
    void aPageBeyondTheLastIsEmptyOnEveryKindOfList() {
        for (String list : new String[]{"hazard-reports", "needs", "activities", "micro-wishes", "beneficiaries"}) {
            given().get("/api/v1/" + list + "?page=2147483647&size=100").then().statusCode(200)
                    .body("items", empty()).body("page", equalTo(Integer.MAX_VALUE));
        }
        given().get("/api/v1/stations?latitude=31.2&longitude=121.4&radiusMetres=2000&page=2147483647&size=100")
                .then().statusCode(200).body("items", empty());
    }
}
