package org.linkage.notification.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.SecurityMatrixContract;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SecurityMatrixTest extends SecurityMatrixContract {

    @Override
    protected String servicePackage() {
        return "org.linkage.notification";
    }
}
