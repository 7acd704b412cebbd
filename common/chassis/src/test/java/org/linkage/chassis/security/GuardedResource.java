package org.linkage.chassis.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkage.chassis.audit.AuditAction;
import org.linkage.chassis.audit.AuditLog;
import org.linkage.chassis.ratelimit.RateLimited;

import java.util.Map;
import java.util.UUID;

/** A resource for the chassis' security tests only. */
@Path("/test/guarded")
@Produces(MediaType.APPLICATION_JSON)
public class GuardedResource {

    @Inject
    CurrentUser user;
    @Inject
    AuditLog auditLog;

    @GET
    @Path("/volunteers/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Transactional
    @Operation(operationId = "guardedVolunteer", summary = "test")
    public Map<String, String> volunteer(@PathParam("id") UUID id) {
        user.requireSelfOrStaff(id);
        auditLog.record(AuditAction.READ, "Volunteer", id, "test");
        return Map.of("caller", user.id());
    }

    @GET
    @Path("/communities/{community}")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "guardedCommunity", summary = "test")
    public Map<String, String> community(@PathParam("community") String community) {
        user.requireCommunity(community);
        return Map.of("community", community);
    }

    @GET
    @Path("/public")
    @PermitAll
    @RateLimited(value = "test-public", perMinute = 3)
    @Operation(operationId = "guardedPublic", summary = "test")
    public Map<String, String> open() {
        return Map.of("hello", "world");
    }
}
