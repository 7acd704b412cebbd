package org.linkage.chassis.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkage.chassis.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, read from the verified bearer token, and the object-level checks every service applies the same
 * way. Role checks per operation stay on the resources ({@code @RolesAllowed}); this class answers "may this
 * caller touch this particular object".
 */
@RequestScoped
public class CurrentUser {

    /** Claim naming the community a social worker serves. */
    public static final String COMMUNITY_CLAIM = "community";
    /** How an API documents an actor field (see {@link #actor}). */
    public static final String ACTOR_FIELD = "The caller, from the token: may be left out; another id than the "
            + "caller's is refused (422)";

    /** The problem type (slug) of the 403 for a login that is not linked to a volunteer yet. */
    public static final String NOT_LINKED = "identity-not-linked";
    public static final String NOT_LINKED_DETAIL = "Your login is not linked to a volunteer: enter your invitation "
            + "code or register";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdentityProjection projection;

    private CallerResolution resolution;

    /** The token's subject: who logged in at the identity provider. Never a volunteer id; see {@link #id()}. */
    public String subject() {
        return token.getSubject();
    }

    /** The token's issuer; with the subject, the identity that is linked to a volunteer. */
    public String issuer() {
        return token.getIssuer();
    }

    /**
     * The caller's id as the suite knows them: a volunteer's volunteer id (403 when the login is not linked), the
     * subject of staff and integrators (staff ids such as {@code sw-liu}, a client's service account).
     */
    public String id() {
        return isVolunteer() ? volunteerId().toString() : subject();
    }

    /** The volunteer this login acts as, when it is linked; never throws. */
    public Optional<UUID> linkedVolunteer() {
        if (!isVolunteer() || subject() == null) {
            return Optional.empty();
        }
        CallerResolution resolved = resolution();
        return resolved.linked() ? Optional.of(resolved.volunteerId()) : Optional.empty();
    }

    /** What a connection that outlives this request keeps to check the caller again later. */
    public LoginLease lease() {
        UUID volunteer = isVolunteer() ? volunteerId() : null;
        return new LoginLease(issuer(), subject(), VolunteerResolution.claimedVolunteer(token), volunteer,
                java.time.Instant.ofEpochSecond(token.getExpirationTime()));
    }

    /** Resolved once per request: by the augmentor as the request authenticated, else here. */
    private CallerResolution resolution() {
        if (resolution == null) {
            CallerResolution resolved = identity == null ? null : identity.getAttribute(VolunteerResolution.ATTRIBUTE);
            resolution = resolved != null ? resolved : VolunteerResolution.resolve(projection, token);
        }
        return resolution;
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isVolunteer() {
        return is(Roles.VOLUNTEER);
    }

    public boolean isSocialWorker() {
        return is(Roles.SOCIAL_WORKER);
    }

    /** A social worker who also leads their community's station ({@link Roles#STATION_LEAD}). */
    public boolean isStationLead() {
        return isSocialWorker() && is(Roles.STATION_LEAD);
    }

    public boolean isAdmin() {
        return is(Roles.ADMIN);
    }

    public boolean isIntegrator() {
        return is(Roles.INTEGRATOR);
    }

    /** Social workers and admins: the people who run the service and may see across volunteers. */
    public boolean isStaff() {
        return isSocialWorker() || isAdmin();
    }

    /** The community of a social worker; empty for every other role. */
    public Optional<String> community() {
        return Optional.ofNullable(token.<String>getClaim(COMMUNITY_CLAIM)).filter(c -> !c.isBlank());
    }

    public Set<String> scopes() {
        String scope = token.getClaim("scope");
        return scope == null ? Set.of()
                : Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    public boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    /**
     * The calling volunteer's id, resolved from their login (see docs/security.md, "Who is calling"); 403 for any
     * other caller, and for a login not linked to a volunteer yet.
     */
    public UUID volunteerId() {
        if (!isVolunteer()) {
            throw ProblemException.forbidden("Only a volunteer has their own volunteer record");
        }
        CallerResolution resolved = resolution();
        if (resolved.state() == CallerResolution.State.BLOCKED) {
            throw new AccessEnded();
        }
        if (!resolved.linked()) {
            throw new ProblemException(403, NOT_LINKED, "Not linked", NOT_LINKED_DETAIL, List.of());
        }
        return resolved.volunteerId();
    }

    /** A volunteer may act only on themselves; staff on anyone. Integrators never on a volunteer. */
    public void requireSelfOrStaff(UUID volunteerId) {
        if (isStaff()) {
            return;
        }
        if (isVolunteer() && Objects.equals(volunteerId(), volunteerId)) {
            return;
        }
        throw ProblemException.forbidden("This belongs to another person");
    }

    /**
     * The value of a request's actor field ({@code requestedBy}, {@code confirmedBy} ...): always the caller, from the
     * token. A body may leave the field out or repeat the caller's id (older clients send it); another id is refused
     * with 422 naming the field, so that nobody acts in someone else's name.
     */
    public String actor(String field, String given) {
        String caller = id();
        if (given != null && !given.strip().equals(caller)) {
            throw ProblemException.unprocessable(field, "must be the caller's own id (" + caller + ") or left out");
        }
        return caller;
    }

    /** True when the caller may see records of this community: its social workers and admins. */
    public boolean servesCommunity(String community) {
        return isAdmin() || (isSocialWorker() && community != null && community().map(community::equals).orElse(false));
    }

    /** A social worker works only within their community; admins anywhere. */
    public void requireCommunity(String community) {
        if (!servesCommunity(community)) {
            throw ProblemException.forbidden("This belongs to another community");
        }
    }

    /** An integrator must hold the scope for what it does; other roles are not limited by scopes. */
    public void requireScopeIfIntegrator(String scope) {
        if (isIntegrator() && !hasScope(scope)) {
            throw ProblemException.forbidden("The client lacks the scope " + scope);
        }
    }
}
