package org.linkage.activity;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.linkage.testing.Tokens;

/**
 * Tests of what the service does (not of who may do it) call as an admin unless a request says otherwise with
 * {@code given().auth().oauth2(...)}; who may do what is tested in the access tests and the security matrix.
 */
public interface AsAdmin {

    String ADMIN = "admin-tests";

    @BeforeEach
    default void callAsAdmin() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .setAuth(RestAssured.oauth2(Tokens.admin(ADMIN))).build();
    }

    @AfterEach
    default void forgetTheAdmin() {
        RestAssured.requestSpecification = null;
    }
}
