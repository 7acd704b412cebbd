package org.linkage.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
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
import org.linkage.notification.api.NotificationResponse;
import org.linkage.notification.api.UnreadCountResponse;
import org.linkage.notification.domain.Notification;
import org.linkage.notification.mapping.NotificationMapper;
import org.linkage.notification.repository.NotificationRepository;
import org.linkage.notification.service.LiveNotifications;
import org.linkage.notification.service.NotificationService;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/notifications")
@Tag(name = "Notifications", description = "In-app inboxes: offers for volunteers, outcomes for social workers")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationService service;
    private final LiveNotifications live;
    private final ObjectMapper json;
    private final CurrentUser user;

    NotificationResource(NotificationService service, LiveNotifications live, ObjectMapper json, CurrentUser user) {
        this.service = service;
        this.live = live;
        this.json = json;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listNotifications", summary = "List the caller's notifications",
            description = "Newest first; unread=true gives only the unread ones, unread=false only the read ones.")
    @APIResponse(responseCode = "200", description = "One page of notifications")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<NotificationResponse> list(@QueryParam("unread") Boolean unread,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new NotificationRepository.Filter(user.id(), unread), page, size)
                .map(NotificationMapper::toResponse);
    }

    @GET
    @Path("/unread-count")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "countUnreadNotifications", summary = "Count the caller's unread notifications",
            description = "How many of the caller's inbox notifications are not read yet; cheap enough for a badge.")
    @APIResponse(responseCode = "200", description = "The count",
            content = @Content(schema = @Schema(implementation = UnreadCountResponse.class)))
    public UnreadCountResponse unreadCount() {
        return new UnreadCountResponse(user.id(), service.unreadCount(user.id()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "streamNotifications", summary = "Receive the caller's new notifications as they come",
            description = "Server-Sent Events: each new inbox notification is an event named notification, with "
                    + "its sequence as the event id and the notification as JSON data. After a reconnect, send the "
                    + "last id received in Last-Event-ID: the notifications missed meanwhile come first (at most "
                    + "1000), then a comment line `: live` marks the switch to live ones. A `: keep-alive` comment "
                    + "comes every 25 seconds. The stream ends with an event named end (data {\"reason\": "
                    + "\"token-expired\" or \"access-ended\"}) when the token expires or the login is unlinked or "
                    + "its volunteer suspended: reconnect with a fresh token. The request must accept text/event-stream.")
    @APIResponse(responseCode = "200", description = "The stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "400", description = "A Last-Event-ID that is not a number")
    @APIResponse(responseCode = "406", description = "An Accept header without text/event-stream")
    public void stream(@HeaderParam(HttpHeaders.ACCEPT) String accept,
                       @HeaderParam("Last-Event-ID")
                       @Parameter(description = "The id of the last event received before the connection broke",
                               example = "42") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        // A client that does not say it reads events would wait on a response that never ends.
        if (accept == null || !accept.contains(MediaType.SERVER_SENT_EVENTS)) {
            throw new ProblemException(406, "not-acceptable", "Not acceptable", "The stream is sent as "
                    + MediaType.SERVER_SENT_EVENTS + "; send it in the Accept header", List.of());
        }
        long resumeAfter = lastEventId == null ? -1 : parseEventId(lastEventId);
        String recipient = user.id();
        LiveNotifications.Subscription subscription = live.subscribe(recipient, user.lease(),
                new LiveNotifications.Stream() {
            @Override
            public boolean push(Notification notification) {
                return send(sink, sse.newEventBuilder().name("notification").id(notification.sequence.toString())
                        .data(toJson(notification)).build());
            }

            @Override
            public boolean wentLive() {
                return send(sink, sse.newEventBuilder().comment("live").build());
            }

            @Override
            public boolean ping() {
                return send(sink, sse.newEventBuilder().comment("keep-alive").build());
            }

            @Override
            public void end(String reason) {
                send(sink, sse.newEventBuilder().name("end").data("{\"reason\":\"" + reason + "\"}").build());
                sink.close();
            }
        });
        try {
            subscription.replayThenGoLive(resumeAfter < 0 ? List.of() : service.inboxAfter(recipient, resumeAfter));
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    private static long parseEventId(String lastEventId) {
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Last-Event-ID", "must be the id of an event of this stream");
        }
    }

    /** False once the client is gone; a failed write closes the sink, which the next call sees. */
    private static boolean send(SseEventSink sink, OutboundSseEvent event) {
        if (sink.isClosed()) {
            return false;
        }
        sink.send(event).exceptionally(failure -> {
            sink.close();
            return null;
        });
        return true;
    }

    private String toJson(Notification notification) {
        try {
            return json.writeValueAsString(NotificationMapper.toResponse(notification));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getNotification", summary = "Read one of the caller's notifications",
            description = "One notification of the caller's inbox with its text, kind, source and whether it was "
                    + "read.")
    @APIResponse(responseCode = "200", description = "The notification",
            content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "403", description = "Someone else's notification")
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationResponse get(@PathParam("id") UUID id) {
        return NotificationMapper.toResponse(own(service.find(id), id));
    }

    /** Another person's notification is refused: only its recipient reads it or marks it read. */
    private Notification own(Optional<Notification> found, UUID id) {
        Notification notification = found.orElseThrow(() -> ProblemException.notFound("Notification", id));
        if (!notification.recipient.equals(user.id())) {
            throw ProblemException.forbidden("This notification is for someone else");
        }
        return notification;
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "markNotificationRead", summary = "Mark one of the caller's notifications read",
            description = "Idempotent: marking it again keeps the time it was first read. No request body.")
    @APIResponse(responseCode = "200", description = "The notification as it is now",
            content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
    @APIResponse(responseCode = "403", description = "Someone else's notification")
    @APIResponse(responseCode = "404", description = "No such notification")
    public NotificationResponse markRead(@PathParam("id") UUID id) {
        own(service.find(id), id);
        return service.markRead(id).map(NotificationMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
    }
}
