package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.As;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.OpenApiFuzzContract;

import java.util.Map;
import java.util.function.Supplier;

/** Every documented operation of the volunteer-service, fuzzed from its OpenAPI document. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VolunteerFuzzTest extends OpenApiFuzzContract {

    /** A phone is unique per volunteer: each registration gets its own. */
    @Override
    protected Map<String, Supplier<String>> uniqueFields() {
        return Map.of("phone", VolunteerResourceTest::randomPhone);
    }

    /** Each operation on a volunteer gets a fresh one, so that a forbidden value cannot hide behind a 404. */
    @Override
    protected Map<String, String> pathValues(String path) {
        if (!path.startsWith("/api/v1/volunteers/{")) {
            return Map.of();
        }
        String id = As.admin("admin-fuzz").contentType("application/json")
                .body("{\"name\": \"Fuzz\", \"phone\": \"" + VolunteerResourceTest.randomPhone()
                        + "\", \"skills\": [\"first-aid\"]}")
                .post("/api/v1/volunteers").then().log().ifValidationFails().statusCode(201).extract().path("id");
        return Map.of("id", id, "volunteerId", id);
    }
}
