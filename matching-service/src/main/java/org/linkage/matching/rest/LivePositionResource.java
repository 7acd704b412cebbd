package org.linkage.matching.rest;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.matching.api.LivePositionPing;
import org.linkage.matching.api.LivePositionResponse;
import org.linkage.matching.domain.LivePositions;
import org.linkage.matching.mapping.LivePositionMapper;
import org.linkage.matching.service.LivePositionService;

import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/live-positions")
@Tag(name = "Live positions", description = "On-duty responders' latest position, so that emergencies go to who "
        + "is near now")
@Produces(MediaType.APPLICATION_JSON)
public class LivePositionResource {

    private final LivePositionService service;
    private final CurrentUser user;

    LivePositionResource(LivePositionService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @PUT
    @Path("/{volunteerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "pingLivePosition", summary = "Send where an on-duty responder is now",
            description = "Taken only from the volunteer themself, while on duty and with their live-position "
                    + "consent (both from volunteer-service's events). Only the latest position is kept, in memory, "
                    + "for a short time to live (60 s by default) from recordedAt; no history is kept, and it is "
                    + "forgotten at once when the volunteer goes off duty or withdraws the consent. One ping per "
                    + "2 s at most (the app pings every 10 s). A retry of a position already held, or an older one, "
                    + "changes nothing and answers what is held. A refused ping changes nothing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amap", value = """
            {"position": {"latitude": 35.2367, "longitude": 115.4806, "system": "GCJ02"},
             "accuracyMetres": 12, "recordedAt": "2026-12-05T08:30:00Z"}""")))
    @APIResponse(responseCode = "200", description = "The position held now",
            content = @Content(schema = @Schema(implementation = LivePositionResponse.class)))
    @APIResponse(responseCode = "400", description = "A missing or malformed field, a position off the globe or "
            + "an unknown coordinate system")
    @APIResponse(responseCode = "403", description = "Another volunteer")
    @APIResponse(responseCode = "409", description = "Off duty, no live-position consent, or not known to matching")
    @APIResponse(responseCode = "422", description = "Outside the district, less accurate than the limit, or a "
            + "fix in the future or stale")
    @APIResponse(responseCode = "429", description = "Sooner than the minimum interval; Retry-After says when")
    @NonBlocking // a ping touches memory only: answered on the I/O thread, without a hop to a worker and back
    public Uni<LivePositionResponse> ping(@PathParam("volunteerId") UUID volunteerId, LivePositionPing ping) {
        requireSelf(volunteerId);
        Optional<LivePositions.Fix> held = service.ping(volunteerId, ping);
        if (held.isPresent()) {
            return Uni.createFrom().item(toResponse(volunteerId, held.get()));
        }
        // Refused for want of duty or consent: explained from the database, on a worker thread.
        return Uni.createFrom().<LivePositionResponse>failure(() -> service.whyNotTracked(volunteerId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/{volunteerId}")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "getLivePosition", summary = "Read the position matching holds for oneself",
            description = "Only the volunteer themself: nobody else, staff included, reads a live position.")
    @APIResponse(responseCode = "200", description = "The position held",
            content = @Content(schema = @Schema(implementation = LivePositionResponse.class)))
    @APIResponse(responseCode = "403", description = "Another volunteer")
    @APIResponse(responseCode = "404", description = "No position that still counts")
    public LivePositionResponse get(@PathParam("volunteerId") UUID volunteerId) {
        requireSelf(volunteerId);
        return service.current(volunteerId).map(fix -> toResponse(volunteerId, fix))
                .orElseThrow(() -> ProblemException.notFound("Live position of volunteer", volunteerId));
    }

    @DELETE
    @Path("/{volunteerId}")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "forgetLivePosition", summary = "Stop sharing: forget the position held now",
            description = "The next ping is taken again while the volunteer is on duty with the consent.")
    @APIResponse(responseCode = "204", description = "Nothing is held any more")
    @APIResponse(responseCode = "403", description = "Another volunteer")
    public void forget(@PathParam("volunteerId") UUID volunteerId) {
        requireSelf(volunteerId);
        service.forget(volunteerId);
    }

    private void requireSelf(UUID volunteerId) {
        if (!volunteerId.equals(user.volunteerId())) {
            throw ProblemException.forbidden("Only the volunteer themself shares their position");
        }
    }

    private LivePositionResponse toResponse(UUID volunteerId, LivePositions.Fix fix) {
        return LivePositionMapper.toResponse(volunteerId, fix, service.ttl(), service.nextPingAfter(volunteerId));
    }
}
