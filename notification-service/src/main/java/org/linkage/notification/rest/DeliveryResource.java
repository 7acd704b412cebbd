package org.linkage.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.Page;
import org.linkage.notification.api.DeliveryResponse;
import org.linkage.notification.api.NeedReachResponse;
import org.linkage.notification.domain.DeliveryStatus;
import org.linkage.notification.mapping.DeliveryMapper;
import org.linkage.notification.repository.DeliveryRepository;
import org.linkage.notification.service.DeliveryService;

import java.util.UUID;

@Path("/api/v1/deliveries")
@Tag(name = "Deliveries", description = "Email and SMS sent for notifications, with their attempts, for operators")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final String STATUSES = "PENDING|SENT|DELIVERED|FAILED|CANCELLED";

    private final DeliveryService service;
    private final CurrentUser user;

    DeliveryResource(DeliveryService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listDeliveries", summary = "List a person's email and SMS deliveries",
            description = "Newest first; status narrows to PENDING, SENT, DELIVERED, FAILED or CANCELLED. People see "
                    + "their own; "
                    + "admins anyone's.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", description = "No recipient, an unknown status, or invalid paging")
    @APIResponse(responseCode = "403", description = "Someone else's deliveries")
    public Page<DeliveryResponse> list(@QueryParam("recipient") @NotBlank
                                       @Parameter(description = "The caller's own id, or for an admin anyone's",
                                               example = "sw-zhang") String recipient,
                                       @QueryParam("status")
                                       @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
                                       @Parameter(schema = @Schema(implementation = DeliveryStatus.class))
                                       String status,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (!user.isAdmin() && !recipient.equals(user.id())) {
            throw ProblemException.forbidden("These are someone else's deliveries");
        }
        DeliveryRepository.Filter filter = new DeliveryRepository.Filter(recipient,
                status == null ? null : DeliveryStatus.valueOf(status));
        return service.list(filter, page, size)
                .map(DeliveryMapper::toResponse);
    }

    @GET
    @Path("/needs/{needId}")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getNeedReach", summary = "Who a need's offers reached, on which channel and when",
            description = "One entry per person offered the need: the inbox, each push (per device), the SMS (an "
                    + "escalation held back until the offer went unopened) and what the person did: opened (the app "
                    + "acknowledged through POST /notifications/{id}/read), accepted or declined. Phones are masked, "
                    + "push tokens never shown. Empty while the need has not been offered.")
    @APIResponse(responseCode = "200", description = "The receipt trail of the need's offers",
            content = @Content(schema = @Schema(implementation = NeedReachResponse.class)))
    @APIResponse(responseCode = "400", description = "The need id is not a UUID")
    @APIResponse(responseCode = "403", description = "Not a social worker or an admin")
    public NeedReachResponse needReach(@PathParam("needId")
                                       @Parameter(description = "The need's id (activity-service)") UUID needId) {
        return service.needReach(needId);
    }
}
