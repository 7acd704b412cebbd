package org.linkage.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Turns {@link OpenApiResponses} on for every {@code @QuarkusTest} of a service: every answer its tests receive
 * through RestAssured is checked against the service's committed OpenAPI document. A service opts in by naming this
 * class in its test resources' {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}.
 */
public final class OpenApiResponseValidation implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        OpenApiResponses validation = OpenApiResponses.ofThisModule();
        if (!RestAssured.filters().contains(validation)) {
            RestAssured.filters(validation);
        }
    }
}
