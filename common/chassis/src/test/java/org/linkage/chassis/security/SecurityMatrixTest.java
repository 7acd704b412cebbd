package org.linkage.chassis.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.SecurityMatrixContract;

import java.util.Set;

/** The matrix over the chassis' own operations (the audit log) and the test resource. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SecurityMatrixTest extends SecurityMatrixContract {

    @Override
    protected String servicePackage() {
        return "org.linkage.chassis";
    }

    /**
     * The tracing tests' event publisher, the strict-input tests' and the deprecation tests' operations are test
     * fixtures, not an API.
     */
    @Override
    protected boolean covers(String path) {
        return !path.startsWith("/test-events") && !path.startsWith("/test/strict")
                && !path.startsWith("/test/versions");
    }

    @Override
    protected Set<String> publicOperations() {
        return Set.of("guardedPublic");
    }
}
