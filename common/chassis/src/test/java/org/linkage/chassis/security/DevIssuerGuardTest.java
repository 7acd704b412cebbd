package org.linkage.chassis.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class DevIssuerGuardTest {

    @Test
    void theDevIssuerIsRefusedInProductionOnly() {
        assertNotNull(DevIssuerGuard.refusal(List.of("prod"), DevIssuerGuard.DEV_ISSUER, "https://sso/keys"));
        assertNotNull(DevIssuerGuard.refusal(List.of("prod"), "https://sso/realms/linkage",
                "META-INF/linkage/dev-issuer-public.pem"));
        assertNotNull(DevIssuerGuard.refusal(List.of("prod"), "", ""));
        assertNull(DevIssuerGuard.refusal(List.of("prod"), "https://sso/realms/linkage",
                "https://sso/realms/linkage/protocol/openid-connect/certs"));
        assertNull(DevIssuerGuard.refusal(List.of("local"), DevIssuerGuard.DEV_ISSUER,
                "META-INF/linkage/dev-issuer-public.pem"));
    }
}
