package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.OpenApiFuzzContract;

/** Every documented operation of the matching-service, fuzzed from its OpenAPI document. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class MatchingFuzzTest extends OpenApiFuzzContract {
}
