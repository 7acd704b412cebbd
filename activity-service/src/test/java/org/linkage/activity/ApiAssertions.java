package org.linkage.activity;

import io.restassured.response.ValidatableResponse;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.i18n.Messages;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Checks shared by the integration tests. */
public final class ApiAssertions {

    /**
     * A problem+json response with that status naming the one field at fault. The message is the Chinese one (the
     * default) of the English text given, when the service's catalogue has it; else the text as given.
     */
    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String field,
                                                    String messagePart) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("violations.field", contains(field))
                .body("violations[0].message", containsString(inChinese(messagePart)));
    }

    /** The text as a reader gets it by default: through the message catalogues, Chinese. */
    public static String inChinese(String english) {
        return Messages.get().translate(english, Language.ZH_CN);
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
