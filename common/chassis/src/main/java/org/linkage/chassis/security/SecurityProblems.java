package org.linkage.chassis.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.chassis.problem.Problem;

import java.util.List;

/**
 * 401 and 403 as problem+json like every other error. Authentication runs lazily (proactive auth is off) so
 * that a missing, expired or foreign token surfaces here instead of as an empty response from the HTTP layer.
 * The detail never says which check of the token failed.
 */
public class SecurityProblems {

    /** The type of a 403 for the caller's role, as opposed to one for a particular object (someone else's). */
    public static final String ROLE_FORBIDDEN = Problem.TYPE_BASE + "forbidden-role";
    /** The type of a 403 for a volunteer who was suspended, deactivated or erased. */
    public static final String ACCESS_ENDED = Problem.TYPE_BASE + "access-ended";

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    /** A valid token whose volunteer was suspended, deactivated or erased: it stops working at once. */
    @ServerExceptionMapper
    public Response accessEnded(AccessEnded e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ACCESS_ENDED, "Access ended", 403,
                        "This volunteer may no longer use the service; ask the service station",
                        Problem.instanceOf(uri), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ROLE_FORBIDDEN, "Forbidden", 403,
                        "Your role may not perform this operation", Problem.instanceOf(uri), List.of()))
                .build();
    }

    private static Response unauthorized(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem(Problem.TYPE_BASE + "unauthenticated", "Unauthenticated", 401,
                        "A valid bearer token is required", Problem.instanceOf(uri), List.of()))
                .build();
    }
}
