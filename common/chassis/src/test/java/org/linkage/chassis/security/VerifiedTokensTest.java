package org.linkage.chassis.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.linkage.testing.InfrastructureTestResource;
import org.linkage.testing.Tokens;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A bearer token is verified once per replica, until it expires; other bytes are verified as ever. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class VerifiedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void theAuthenticationMechanismVerifiesThroughTheCache() {
        assertInstanceOf(VerifiedTokens.class, parser);
    }

    @Test
    void aTokenVerifiedOnceIsTakenFromTheCache() throws ParseException {
        UUID volunteer = UUID.randomUUID();
        String token = Tokens.volunteer(volunteer);
        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token));
        assertEquals(volunteer.toString(), first.getClaim(Tokens.VOLUNTEER_ID_CLAIM));
    }

    @Test
    void theSameClaimsUnderAnotherSignatureAreVerifiedAndRefused() throws ParseException {
        String token = Tokens.volunteer(UUID.randomUUID());
        parser.parse(token);
        int signature = token.lastIndexOf('.') + 1;
        char swapped = token.charAt(signature) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, signature) + swapped + token.substring(signature + 1);
        assertThrows(ParseException.class, () -> parser.parse(tampered));
    }

    @Test
    void anExpiredTokenIsNotTakenFromTheCache() throws Exception {
        String token = Tokens.volunteer(UUID.randomUUID(), Duration.ofSeconds(2));
        JsonWebToken first = parser.parse(token);
        Thread.sleep(2_100); // the point of the test is the clock passing the token's expiry
        // Verified again: within the clock skew the verifier allows it is taken (not from the cache), after it refused.
        JsonWebToken again;
        try {
            again = parser.parse(token);
        } catch (ParseException refused) {
            again = null;
        }
        assertNotSame(first, again);
    }
}
