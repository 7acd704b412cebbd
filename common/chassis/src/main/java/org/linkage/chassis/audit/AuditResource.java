package org.linkage.chassis.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.Page;

/** Every service's audit log, for admins only; newest first. */
@Path("/api/v1/audit-entries")
@Tag(name = "Audit", description = "Who read or changed sensitive records")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAuditEntries", summary = "List audit entries, newest first",
            description = "Filter by the record (resourceType + resourceId) or by the person who acted.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "400", description = "Invalid page or size")
    public Page<AuditEntry> list(@QueryParam("resourceType") String resourceType,
                                 @QueryParam("resourceId") String resourceId,
                                 @QueryParam("actor") String actor,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return auditLog.find(resourceType, resourceId, actor, page, size);
    }
}
