package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.linkage.activity.api.StationRenameRequest;
import org.linkage.activity.api.StationRequest;
import org.linkage.activity.api.StationResponse;
import org.linkage.activity.domain.Station;
import org.linkage.activity.domain.StationKind;
import org.linkage.activity.mapping.StationMapper;
import org.linkage.activity.repository.StationRepository;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.StationService;
import org.linkage.chassis.geo.CoordinateSystem;
import org.linkage.chassis.i18n.Language;
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;

import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

@Path("/api/v1/stations")
@Tag(name = "Stations", description = "Service stations where activities happen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationResource {

    private static final String KINDS = "COMMUNITY_CENTRE|COMMUNITY_HOSPITAL|SCHOOL|ELDERLY_CARE_CENTRE|OTHER";

    private final StationService service;
    private final Access access;

    StationResource(StationService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "createStation", summary = "Add a service station",
            description = "Staff add a service station of their community with its labels (name in zh-CN, nameEn "
                    + "optional), address and position (WGS-84 or GCJ-02, see Accept-Coordinate-System). The answer's "
                    + "label is in the reader's language (Accept-Language). Send an Idempotency-Key to retry safely.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "community centre", value = """
            {"name": "新华社区中心", "nameEn": "Xinhua Community Centre", "kind": "COMMUNITY_CENTRE",
             "address": "88 Xinhua Road",
             "location": {"latitude": 31.2110, "longitude": 121.4290}, "community": "xinhua",
             "openingHours": [{"day": "MONDAY", "opens": "08:30", "closes": "17:30"}],
             "partnerOrganisations": ["Xinhua Primary School", "Changning Red Cross"]}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community")
    @APIResponse(responseCode = "409", description = "A request with the same Idempotency-Key is in progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response create(StationRequest request,
                           @Parameter(description = "Makes retries safe")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        if (request != null && request.community() != null) {
            access.community(request.community().strip());
        }
        Station station = service.create(request, idempotencyKey);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(station.id.toString()).build())
                .tag(ETags.of(station.version)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .entity(StationMapper.toResponse(station, Language.of(headers))).build();
    }

    @PUT
    @Path("/{id}/name")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "renameStation", summary = "Rename a service station",
            description = "Admins only. Both labels: name (zh-CN) and nameEn (optional; left out, the station has no "
                    + "English label and English readers read the zh-CN one). The id, and so every activity, session "
                    + "and statistic referring to the station, stays. Recorded in the audit log (UPDATE, with the old "
                    + "labels).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "party and community centre",
            value = "{\"name\": \"新华路街道党群服务中心\", "
                    + "\"nameEn\": \"Xinhua Party and Community Centre\"}")))
    @APIResponse(responseCode = "200", description = "Renamed",
            content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank or too long name (field name)")
    @APIResponse(responseCode = "404", description = "No such station")
    public StationResponse rename(@PathParam("id") UUID id, StationRenameRequest request,
                                  @Context HttpHeaders headers) {
        return StationMapper.toResponse(service.rename(id, request), Language.of(headers));
    }

    @POST
    @Path("/{id}/retirement")
    @Consumes(MediaType.WILDCARD) // no body: a client need not name a content type
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireStation", summary = "Retire a service station",
            description = "Admins only. A station is never deleted (activities, sessions and statistics refer to "
                    + "it): retired, it stays readable (retiredAt) and takes no new activity (422 on stationId). "
                    + "Recorded in the audit log (UPDATE).")
    @APIResponse(responseCode = "200", description = "Retired",
            content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such station")
    @APIResponse(responseCode = "409", description = "Retired already")
    public StationResponse retire(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return StationMapper.toResponse(service.retire(id), Language.of(headers));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "getStation", summary = "Read a station",
            description = "One station with its community, address and position.")
    @APIResponse(responseCode = "200", description = "The station",
            content = @Content(schema = @Schema(implementation = StationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such station")
    public Response get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        Station station = service.require(id);
        return Response.ok(StationMapper.toResponse(station, Language.of(headers))).tag(ETags.of(station.version))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "searchStations", summary = "List or search stations by area",
            description = "Either a bounding box (minLatitude, minLongitude, maxLatitude, maxLongitude; by name) "
                    + "or a centre and radius (latitude, longitude, radiusMetres; nearest first), not both. "
                    + "coordinateSystem says which system those numbers are in (WGS84 when left out); the "
                    + "Accept-Coordinate-System header, which system the answer's positions are in.")
    @APIResponse(responseCode = "200", description = "One page of stations")
    @APIResponse(responseCode = "400", description = "Invalid area, filter or paging")
    public Page<StationResponse> search(
            @QueryParam("minLatitude") @DecimalMin("-90") @DecimalMax("90") Double minLatitude,
            @QueryParam("minLongitude") @DecimalMin("-180") @DecimalMax("180") Double minLongitude,
            @QueryParam("maxLatitude") @DecimalMin("-90") @DecimalMax("90") Double maxLatitude,
            @QueryParam("maxLongitude") @DecimalMin("-180") @DecimalMax("180") Double maxLongitude,
            @QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") @Parameter(example = "31.2304")
            Double latitude,
            @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") @Parameter(example = "121.4737")
            Double longitude,
            @QueryParam("radiusMetres") @Min(1) @Max(50_000) @Parameter(example = "2000") Integer radiusMetres,
            @QueryParam("coordinateSystem") @Parameter(description = "System of the area's numbers; WGS84 if "
                    + "left out") CoordinateSystem coordinateSystem,
            @QueryParam("community") @Size(max = 64) String community,
            @QueryParam("kind") @Pattern(regexp = KINDS, message = "must be one of " + KINDS)
            @Parameter(schema = @Schema(implementation = StationKind.class)) String kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size, @Context HttpHeaders headers) {
        Language language = Language.of(headers);
        CoordinateSystem system = coordinateSystem == null ? CoordinateSystem.DEFAULT : coordinateSystem;
        StationService.Circle circle = circle(latitude, longitude, radiusMetres, system);
        if (circle != null && Stream.of(minLatitude, minLongitude, maxLatitude, maxLongitude)
                .anyMatch(Objects::nonNull)) {
            throw ProblemException.invalid("radiusMetres", "cannot be combined with a bounding box");
        }
        if (minLatitude != null && maxLatitude != null && minLatitude > maxLatitude) {
            throw ProblemException.invalid("maxLatitude", "must not be below minLatitude");
        }
        if (minLongitude != null && maxLongitude != null && minLongitude > maxLongitude) {
            throw ProblemException.invalid("maxLongitude", "must not be below minLongitude");
        }
        StationRepository.Area box = area(minLatitude, minLongitude, maxLatitude, maxLongitude, system);
        return service.search(box, circle, community, kind == null ? null : StationKind.valueOf(kind), page, size)
                .map(found -> StationMapper.toResponse(found.station(), found.distanceMetres(), language));
    }

    /** The box in WGS-84: the offsets are smooth, so converting its corners converts the box. */
    private static StationRepository.Area area(Double minLatitude, Double minLongitude, Double maxLatitude,
                                               Double maxLongitude, CoordinateSystem system) {
        if (system == CoordinateSystem.WGS84 || Stream.of(minLatitude, minLongitude, maxLatitude, maxLongitude)
                .anyMatch(Objects::isNull)) {
            return new StationRepository.Area(minLatitude, minLongitude, maxLatitude, maxLongitude);
        }
        GeoPoint min = system.toWgs84(new GeoPoint(minLatitude, minLongitude));
        GeoPoint max = system.toWgs84(new GeoPoint(maxLatitude, maxLongitude));
        return new StationRepository.Area(min.latitude(), min.longitude(), max.latitude(), max.longitude());
    }

    private static StationService.Circle circle(Double latitude, Double longitude, Integer radiusMetres,
                                                CoordinateSystem system) {
        if (latitude == null && longitude == null && radiusMetres == null) {
            return null;
        }
        if (latitude == null || longitude == null || radiusMetres == null) {
            String missing = latitude == null ? "latitude" : longitude == null ? "longitude" : "radiusMetres";
            throw ProblemException.invalid(missing, "is required for a radius search");
        }
        return new StationService.Circle(system.toWgs84(new GeoPoint(latitude, longitude)), radiusMetres);
    }
}
