package org.linkage.chassis.security;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The headers per path and profile (SecurityTest sees them on real answers in the test profile). */
class SecurityHeadersTest {

    @Test
    void productionAddsHstsEverywhere() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply("/api/v1/volunteers/me", headers, true);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-store", headers.get("Cache-Control"));
        assertEquals(SecurityHeaders.HSTS, headers.get("Strict-Transport-Security"));
    }

    @Test
    void developmentHasNoHstsAndOnlyApiAnswersAreNoStore() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply("/q/health/ready", headers, false);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertNull(headers.get("Cache-Control"));
        assertNull(headers.get("Strict-Transport-Security"));
    }

    @Test
    void aResourcesOwnCachingIsKept() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Cache-Control", "max-age=3600");
        SecurityHeaders.apply("/api/v1/skills", headers, false);
        assertEquals("max-age=3600", headers.get("Cache-Control"));
    }
}
