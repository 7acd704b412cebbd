package org.linkage.activity;

import io.restassured.response.ValidatableResponse;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.linkage.chassis.i18n.Messages;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Checks shared by the integration tests. */
public final class ApiAssertions {

    /**
     * A problem+json response with that status naming the one field at fault, whose message (Chinese by default)
     * says in English what {@code messagePart} says: read back through the message catalogues.
     */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String field,
                                                    String messagePart) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("violations.field", contains(field))
                .body("violations[0].message", inEnglish(containsString(messagePart)));
    }

    /** A message, read back in English through the message catalogues, matching. */
    public static Matcher<String> inEnglish(Matcher<String> english) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(String message) {
                return english.matches(Messages.get().inEnglish(message));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("in English ").appendDescriptionOf(english);
            }
        };
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
