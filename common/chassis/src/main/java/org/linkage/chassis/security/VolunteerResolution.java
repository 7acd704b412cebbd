package org.linkage.chassis.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves a volunteer's token to their volunteer once per request, as the request authenticates, in every service:
 * the answer rides on the security identity for {@link CurrentUser}, and a volunteer whose access ended is refused
 * here, on every operation, at the first request after the projection learnt it.
 */
@ApplicationScoped
public class VolunteerResolution implements SecurityIdentityAugmentor {

    /** The attribute holding the {@link CallerResolution}. */
    static final String ATTRIBUTE = "linkage.caller";
    /** The claim an identity provider may add for accounts it provisioned with a volunteer id. */
    public static final String VOLUNTEER_ID_CLAIM = "volunteer_id";

    private final IdentityProjection projection;

    VolunteerResolution(IdentityProjection projection) {
        this.projection = projection;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.VOLUNTEER)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<CallerResolution> cached = projection.cached(token.getIssuer(), token.getSubject(),
                claimedVolunteer(token));
        if (cached.isPresent()) {
            // Known and trusted: answered on the I/O thread, no database and no hop to a worker.
            return Uni.createFrom().item(() -> augmented(identity, cached.get()));
        }
        return context.runBlocking(() -> augmented(identity, resolve(projection, token)));
    }

    private static SecurityIdentity augmented(SecurityIdentity identity, CallerResolution resolution) {
        if (resolution.state() == CallerResolution.State.BLOCKED) {
            throw new AccessEnded();
        }
        return QuarkusSecurityIdentity.builder(identity).addAttribute(ATTRIBUTE, resolution).build();
    }

    static CallerResolution resolve(IdentityProjection projection, JsonWebToken token) {
        return projection.resolve(token.getIssuer(), token.getSubject(), claimedVolunteer(token));
    }

    /** The claim as a UUID; a malformed claim counts as none. */
    static UUID claimedVolunteer(JsonWebToken token) {
        Object claim = token.getClaim(VOLUNTEER_ID_CLAIM);
        if (claim == null) {
            return null;
        }
        String value = claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
