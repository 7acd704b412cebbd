package org.linkage.notification.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.OpenApiFuzzContract;

import java.util.Map;

/** Every documented operation of the notification-service, fuzzed from its OpenAPI document. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class NotificationFuzzTest extends OpenApiFuzzContract {

    /** Each operation on a webhook gets a fresh subscription, so that a forbidden value cannot hide behind a 404. */
    @Override
    protected Map<String, String> pathValues(String path) {
        return path.startsWith("/api/v1/webhooks/{id}") ? Map.of("id", create("/api/v1/webhooks", Map.of())) : Map.of();
    }
}
