package org.linkage.chassis.ratelimit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.chassis.problem.Problem;

/** The problem+json of {@link TooManyRequests}, with its Retry-After header (the most specific mapper wins). */
public class TooManyRequestsMapper {

    @ServerExceptionMapper
    public Response tooManyRequests(TooManyRequests e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), 429, e.getMessage(),
                        Problem.instanceOf(uri), e.violations()))
                .build();
    }
}
