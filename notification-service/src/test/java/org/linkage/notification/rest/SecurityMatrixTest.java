package org.linkage.notification.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.SecurityMatrixContract;

import java.util.Set;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SecurityMatrixTest extends SecurityMatrixContract {

    /** The SMS providers' delivery report callbacks: they carry a configured token in the path, not a bearer token. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("receiveAliyunSmsReports", "receiveTencentSmsReports");
    }

    @Override
    protected String servicePackage() {
        return "org.linkage.notification";
    }
}
