package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.OpenApiContract;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsDocumentedForIntegrators() {
        String document = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), OpenApiContract.shortcomings(document));
    }
}
