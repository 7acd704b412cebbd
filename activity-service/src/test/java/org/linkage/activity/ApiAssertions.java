package org.linkage.activity;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Checks shared by the integration tests. */
public final class ApiAssertions {

    /** A problem+json response with that status naming the one field at fault. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String field,
                                                    String messagePart) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("violations.field", contains(field))
                .body("violations[0].message", containsString(messagePart));
    }

    /** A problem+json response with that status. */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
    }

    private ApiAssertions() {
    }
}
