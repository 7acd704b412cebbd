package org.linkage.matching.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.OpenApiDocumentContract;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OpenApiDocumentTest extends OpenApiDocumentContract {
}
