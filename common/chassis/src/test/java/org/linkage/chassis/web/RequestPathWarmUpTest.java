package org.linkage.chassis.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;

import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request path is warmed up after the start: the made-up token refused, in hand and over HTTP, the resources' JSON
 * made ready.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class RequestPathWarmUpTest {

    @Inject
    RequestPathWarmUp warmUp;

    @Test
    void theWarmUpRefusesItsTokenAndPreparesTheResourcesBodies() throws Exception {
        // Fails (completes exceptionally) if the token signed by no key were accepted, in hand or by an operation.
        RequestPathWarmUp.Warmed warmed = warmUp.warmed().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertTrue(warmed.prepared() > 0, "nothing was prepared: " + warmed);
        // GuardedResource's operations that need a login, asked with the forged token.
        assertTrue(warmed.requestsRefused() >= 2, "the guarded operations were not asked: " + warmed);
        // Once it is over, the service has started (Kubernetes' startup probe; the cache training waits for it).
        given().get("/q/health/started").then().statusCode(200)
                .body("checks.findAll { it.status == 'UP' }.name", hasItem("request-path-warm-up"));
    }
}
