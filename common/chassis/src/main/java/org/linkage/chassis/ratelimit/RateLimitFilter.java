package org.linkage.chassis.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.linkage.chassis.problem.Problem;

import java.util.List;

/** Applies {@link RateLimited}: over the budget, the call gets 429 problem+json with Retry-After. */
public class RateLimitFilter {

    @Inject
    RateLimits rateLimits;
    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, ResourceInfo resource,
                          HttpServerRequest request) {
        RateLimited limit = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limit == null && resource.getResourceClass() != null) {
            limit = resource.getResourceClass().getAnnotation(RateLimited.class);
        }
        if (limit == null) {
            return null;
        }
        String caller = identity.isAnonymous() ? "address:" + request.remoteAddress().hostAddress()
                : "subject:" + identity.getPrincipal().getName();
        long retryAfter = rateLimits.acquire(limit.value(), limit.perMinute(), caller);
        if (retryAfter == 0) {
            return null;
        }
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfter)
                .entity(new Problem(Problem.TYPE_BASE + "rate-limited", "Too many requests", 429,
                        "The limit for " + limit.value() + " is " + rateLimits.limitOf(limit.value(), limit.perMinute())
                                + " per minute; try again in " + retryAfter + " s",
                        context.getUriInfo().getPath(), List.of()))
                .build();
    }
}
