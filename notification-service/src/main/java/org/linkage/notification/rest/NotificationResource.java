package org.linkage.notification.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.linkage.chassis.web.Page;
import org.linkage.notification.mapping.NotificationMapper;
import org.linkage.notification.repository.NotificationRepository;
import org.linkage.notification.service.NotificationService;

import java.util.UUID;

@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app inboxes: offers for volunteers, outcomes for social workers")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private static final String RECIPIENT = "A volunteer id or a social worker's account; taken from the access "
            + "token once sign-in exists";

    private final NotificationService service;

    NotificationResource(NotificationService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "List a person's notifications",
            description = "Newest first; unread=true gives only the unread ones, unread=false only the read ones.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    @APIResponse(responseCode = "400", description = "No recipient, or invalid paging")
    public Page<NotificationResponse> list(@QueryParam("recipient") @NotBlank
                                           @Parameter(description = RECIPIENT, example = "sw-zhang") String recipient,
                                           @QueryParam("unread") Boolean unread,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new NotificationRepository.Filter(recipient, unread), page, size)
                .map(NotificationMapper::toResponse);
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countUnreadNotifications", summary = "Count a person's unread notifications")
    @APIResponse(responseCode = "200", description = "The count",
            content = @Content(schema = @Schema(implementation = UnreadCountResponse.class)))
    @APIResponse(responseCode = "400", description = "No recipient")
    public UnreadCountResponse unreadCount(@QueryParam("recipient") @NotBlank
                                           @Parameter(description = RECIPIENT, example = "sw-zhang")
                                           String recipient) {
        return new UnreadCountResponse(recipient, service.unreadCount(recipient));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNotification", summary = "Read a notification")
    @APIResponse(responseCode = "200", description = "The notification",
            content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationResponse get(@PathParam("id") UUID id) {
        return service.find(id)
                .map(NotificationMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read",
            description = "Idempotent: marking it again keeps the time it was first read. No request body.")
    @APIResponse(responseCode = "200", description = "The notification as it is now",
            content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationResponse markRead(@PathParam("id") UUID id) {
        return service.markRead(id)
                .map(NotificationMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
    }
}
