package org.linkage.activity.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.OpenApiFuzzContract;

import java.util.Map;

/** Every documented operation of the activity-service, fuzzed from its OpenAPI document. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ActivityFuzzTest extends OpenApiFuzzContract {

    /**
     * Each operation on a need, beneficiary, station, activity or micro-wish gets a fresh one, created from the
     * document's own example, so that a forbidden value cannot hide behind a 404.
     */
    @Override
    protected Map<String, String> pathValues(String path) {
        for (String collection : new String[] {"needs", "beneficiaries", "stations", "micro-wishes"}) {
            if (path.startsWith("/api/v1/" + collection + "/{id}")) {
                return Map.of("id", create("/api/v1/" + collection, Map.of()));
            }
        }
        if (path.startsWith("/api/v1/activities/{id}")) {
            String station = create("/api/v1/stations", Map.of());
            return Map.of("id", create("/api/v1/activities", Map.of("stationId", station)));
        }
        return Map.of();
    }

    /** Scheduling an activity needs a station that exists; the example's is made up. */
    @Override
    protected Map<String, String> bodyValues(String path) {
        return path.equals("/api/v1/activities") ? Map.of("stationId", create("/api/v1/stations", Map.of())) : Map.of();
    }
}
