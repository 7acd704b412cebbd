package org.linkage.volunteer.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.SecurityMatrixContract;

import java.util.Set;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class SecurityMatrixTest extends SecurityMatrixContract {

    /** What a certificate's QR code opens: anyone shown the certificate may verify it, without login. */
    @Override
    protected Set<String> publicOperations() {
        return Set.of("verifyHoursCertificate", "checkHoursCertificatePdf");
    }

    @Override
    protected String servicePackage() {
        return "org.linkage.volunteer";
    }
}
