package org.linkage.chassis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Issue #23: a deprecated operation says so, and when it goes, on every answer; others say nothing. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DeprecationHeadersTest {

    @Path("/test/versions")
    @PermitAll
    public static class VersionsResource {

        @GET
        @Path("/old")
        @Deprecated
        @Sunset(since = "2026-12-06", value = "2027-06-30")
        public String old() {
            return "old";
        }

        @GET
        @Path("/new")
        public String current() {
            return "new";
        }
    }

    @Test
    void aDeprecatedOperationCarriesDeprecationSunsetAndALinkToTheChangelog() {
        given().get("/test/versions/old").then().statusCode(200)
                .header("Deprecation", equalTo("@1796515200"))
                .header("Sunset", equalTo("Wed, 30 Jun 2027 00:00:00 GMT"))
                .header("Link", equalTo("<" + DeprecationHeaders.CHANGELOG + ">; rel=\"deprecation\""));
        given().get("/test/versions/new").then().statusCode(200)
                .header("Deprecation", nullValue()).header("Sunset", nullValue());
    }
}
