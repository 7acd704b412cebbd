package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.activity.api.ClaimRequest;
import org.linkage.activity.api.ConfirmationRequest;
import org.linkage.activity.api.FulfilmentRequest;
import org.linkage.activity.api.MicroWishResponse;
import org.linkage.activity.api.PostMicroWishRequest;
import org.linkage.activity.domain.MicroWish;
import org.linkage.activity.domain.MicroWishStatus;
import org.linkage.activity.mapping.MicroWishMapper;
import org.linkage.activity.repository.MicroWishRepository;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.MicroWishService;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/micro-wishes")
@Tag(name = "Micro-wishes", description = "Residents' small wishes, claimed and fulfilled by one volunteer each")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MicroWishResource {

    private static final String STATUSES = "OPEN|CLAIMED|FULFILLED|CONFIRMED";

    private final MicroWishService service;
    private final Access access;

    MicroWishResource(MicroWishService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "postMicroWish", summary = "Post a resident's micro-wish",
            description = "Staff post a resident's small wish (a book, a visit, a repair) for volunteers to claim. "
                    + "Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reading glasses", value = """
            {"title": "A pair of reading glasses (+2.5)", "description": "For reading the newspaper",
             "community": "xinhua", "postedBy": "sw-0042"}""")))
    @APIResponse(responseCode = "201", description = "Posted",
            content = @Content(schema = @Schema(implementation = MicroWishResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    @APIResponse(responseCode = "422", description = "No such beneficiary, the Idempotency-Key was reused, or "
            + "postedBy names someone other than the caller")
    public Response post(PostMicroWishRequest request,
                         @Parameter(description = "Makes retries safe")
                         @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                         @Context UriInfo uriInfo) {
        if (request != null && request.community() != null) {
            access.community(request.community().strip());
        }
        MicroWish wish = service.post(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(wish.id.toString()).build())
                .tag(ETags.of(wish.version)).entity(MicroWishMapper.toResponse(wish, Instant.now())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getMicroWish", summary = "Read a micro-wish",
            description = "One micro-wish with its state and, once claimed, who claimed it.")
    @APIResponse(responseCode = "200", description = "The wish",
            content = @Content(schema = @Schema(implementation = MicroWishResponse.class)))
    @APIResponse(responseCode = "403", description = "Another community's wish, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such wish")
    public Response get(@PathParam("id") UUID id) {
        return respond(access.readWish(service.require(id)));
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listMicroWishes", summary = "List micro-wishes, oldest unclaimed first",
            description = "Unclaimed wishes come first, the longest waiting at the top; each shows its days open.")
    @APIResponse(responseCode = "200", description = "One page of wishes")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<MicroWishResponse> list(
            @QueryParam("community") @Size(max = 64) @Parameter(example = "xinhua") String community,
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            @Parameter(schema = @Schema(implementation = MicroWishStatus.class)) String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        Instant now = Instant.now();
        String listed = access.user().isVolunteer() ? community : access.listedCommunity(community);
        return service.list(new MicroWishRepository.Filter(listed,
                        status == null ? null : MicroWishStatus.valueOf(status)), page, size)
                .map(wish -> MicroWishMapper.toResponse(wish, now));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "claimMicroWish", summary = "Claim a wish; only one volunteer can",
            description = "A volunteer claims an open wish; only one can, and a volunteer holds at most a few "
                    + "unfulfilled claims at once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "claim", value = """
            {"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11"}""")))
    @APIResponse(responseCode = "200", description = "CLAIMED by this volunteer",
            content = @Content(schema = @Schema(implementation = MicroWishResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's wish, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such wish")
    @APIResponse(responseCode = "409", description = "Already claimed")
    @APIResponse(responseCode = "422", description = "The volunteer already holds the most claimed wishes not yet "
            + "fulfilled (3 by default)")
    public Response claim(@PathParam("id") UUID id, ClaimRequest request) {
        access.readWish(service.require(id));
        access.self(request == null ? null : request.volunteerId());
        return respond(service.claim(id, request));
    }

    @POST
    @Path("/{id}/fulfilment")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "fulfilMicroWish", summary = "The claimer reports the wish fulfilled",
            description = "The volunteer who claimed the wish reports it fulfilled; staff then confirm it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fulfilled", value = """
            {"volunteerId": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11", "note": "Glasses delivered",
             "photoUrl": "https://photos.example.org/wish-42.jpg"}""")))
    @APIResponse(responseCode = "200", description = "FULFILLED",
            content = @Content(schema = @Schema(implementation = MicroWishResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's wish, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such wish")
    @APIResponse(responseCode = "409", description = "Not CLAIMED")
    @APIResponse(responseCode = "422", description = "The volunteer did not claim it")
    public Response fulfil(@PathParam("id") UUID id, FulfilmentRequest request) {
        access.readWish(service.require(id));
        access.self(request == null ? null : request.volunteerId());
        return respond(service.fulfil(id, request));
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "confirmMicroWish", summary = "The social worker confirms the fulfilment",
            description = "The social worker confirms that a fulfilled wish was really fulfilled; the volunteer's "
                    + "contribution is then counted.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "confirm", value = """
            {"confirmedBy": "sw-0042"}""")))
    @APIResponse(responseCode = "200", description = "CONFIRMED",
            content = @Content(schema = @Schema(implementation = MicroWishResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's wish, or another volunteer")
    @APIResponse(responseCode = "404", description = "No such wish")
    @APIResponse(responseCode = "409", description = "Not FULFILLED")
    @APIResponse(responseCode = "422", description = "confirmedBy names someone other than the caller")
    public Response confirm(@PathParam("id") UUID id, ConfirmationRequest request) {
        access.manageWish(service.require(id));
        return respond(service.confirm(id, request));
    }

    private static Response respond(MicroWish wish) {
        return Response.ok(MicroWishMapper.toResponse(wish, Instant.now())).tag(ETags.of(wish.version)).build();
    }
}
