package org.linkage.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every service's OpenAPI document keeps {@link OpenApiContract}. A service's test extends this class and adds
 * {@code @QuarkusTest @WithTestResource(InfrastructureTestResource.class)}.
 */
public abstract class OpenApiDocumentContract {

    @Test
    void everyOperationIsDocumentedForIntegrators() {
        String document = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), OpenApiContract.shortcomings(document));
    }
}
