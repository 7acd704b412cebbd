package org.linkage.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

/**
 * The one way a test acts as a role: a RestAssured request carrying that role's dev-issuer token ({@link Tokens}),
 * or, for a whole test class, a default caller that any request naming its own token overrides.
 */
public final class As {

    public static RequestSpecification admin(String staffId) {
        return token(Tokens.admin(staffId));
    }

    public static RequestSpecification socialWorker(String staffId, String community) {
        return token(Tokens.socialWorker(staffId, community));
    }

    public static RequestSpecification stationLead(String staffId, String community) {
        return token(Tokens.stationLead(staffId, community));
    }

    /** A provisioned volunteer (see {@link Tokens#volunteer}). */
    public static RequestSpecification volunteer(UUID volunteerId) {
        return token(Tokens.volunteer(volunteerId));
    }

    /** A login not linked to a volunteer yet (see {@link Tokens#login}). */
    public static RequestSpecification login(String subject) {
        return token(Tokens.login(subject));
    }

    public static RequestSpecification integrator(String clientId, String... scopes) {
        return token(Tokens.integrator(clientId, scopes));
    }

    /** Any token, e.g. an expired or forged one from {@link Tokens}. */
    public static RequestSpecification token(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** Every request of the test that names no token of its own carries this one; call in {@code @BeforeEach}. */
    public static void byDefault(String token) {
        RestAssured.authentication = RestAssured.oauth2(token);
    }

    /** Requests carry no token again, so that other tests start anonymous; call in {@code @AfterEach}. */
    public static void nobodyByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    private As() {
    }
}
