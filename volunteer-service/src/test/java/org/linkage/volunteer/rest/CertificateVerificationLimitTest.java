package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The public verification is rate-limited per client address, its check sharing the budget. */
@QuarkusTest
@TestProfile(CertificateVerificationLimitTest.TwoAMinute.class)
@WithTestResource(InfrastructureTestResource.class)
class CertificateVerificationLimitTest {

    public static class TwoAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String limit = "linkage.rate-limit.\"certificate-verification\".per-minute";
            return Map.of(limit, "2", "%test." + limit, "2");
        }
    }

    @Test
    void aClientOverTheLimitIsToldToWait() {
        String path = "/api/v1/certificate-verifications/q3XbN0u7Yk2vR9sWcT4mLa8e";
        given().get(path).then().statusCode(404);
        given().contentType("application/pdf").body(new byte[] {1}).post(path + "/checks").then().statusCode(404);
        given().get(path).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://linkage.dev/problems/rate-limited"));
    }
}
