package org.linkage.chassis.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens verified once per replica rather than on every request. A rider's app sends the same access token
 * with every position ping for the token's lifetime, and verifying it (the RSA signature, the JSON claims) made about
 * 100 KB of garbage a request and most of a ping's CPU; the collections that garbage caused held up everything else
 * in the replica, an emergency's fan-out too.
 * <p>
 * Keyed by the whole token, signature included: only the very bytes verified before are taken from here, and only
 * until the token expires; then it is verified again (and refused). Who the caller may act as is still resolved on
 * every request ({@link IdentityProjection}), so an ended access holds at once. What a cached token skips is the
 * signature check against the key set as it is now: a token signed by a key since withdrawn from the issuer's key
 * set stays accepted by this replica until it expires, which is sooner than the key set's own refresh (hourly)
 * would drop the key anyway.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    /**
     * More tokens than this are not cached: the cache starts again empty. A token kept costs about 2.6 KB (the
     * verified claims 1.8 KB, the token itself as the key 0.8 KB): 50 MB at most.
     */
    static final int MAX_ENTRIES = 20_000;

    private final Map<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    /**
     * What every request's bearer token goes through (the MP-JWT authentication mechanism); the parser's other ways
     * in (another key, another context, decryption) are its own, uncached.
     */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis();
        JsonWebToken known = verified.get(token);
        if (known != null && now < known.getExpirationTime() * 1000) {
            return known;
        }
        JsonWebToken fresh = super.parse(token);
        if (now < fresh.getExpirationTime() * 1000) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(token, fresh);
        } else {
            verified.remove(token); // accepted within the clock skew the verifier allows, but not kept
        }
        return fresh;
    }
}
