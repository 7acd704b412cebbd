package org.linkage.activity.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.linkage.activity.api.HazardAssignmentRequest;
import org.linkage.activity.api.HazardReportResponse;
import org.linkage.activity.api.ResolutionRequest;
import org.linkage.activity.api.TriageRequest;
import org.linkage.activity.domain.HazardPhoto;
import org.linkage.activity.domain.HazardReport;
import org.linkage.activity.domain.HazardStatus;
import org.linkage.activity.mapping.HazardReportMapper;
import org.linkage.activity.repository.HazardReportRepository;
import org.linkage.activity.service.Access;
import org.linkage.activity.service.HazardReportService;
import org.linkage.chassis.geo.CoordinateSystem;
import org.linkage.chassis.problem.ControlCharacters;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.ETags;
import org.linkage.chassis.web.Page;
import org.linkage.events.GeoPoint;

import java.util.UUID;

@Path("/api/v1/hazard-reports")
@Tag(name = "Hazard reports", description = "Photos of dangers on the street, followed by staff to resolution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HazardReportResource {

    private static final String STATUSES = "REPORTED|TRIAGED|ASSIGNED|RESOLVED|DISMISSED";
    private static final String CATEGORY = "[a-z][a-z0-9-]{1,39}";

    private final HazardReportService service;
    private final Access access;

    HazardReportResource(HazardReportService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Schema(name = "HazardReportForm", description = "A hazard report as a multipart form")
    public record Form(
            @Schema(type = SchemaType.STRING, format = "binary",
                    description = "JPEG, PNG or WebP (by content, not by name), at most 5 MB") String photo,
            @Schema(examples = "missing-manhole-cover") String category,
            @Schema(examples = "31.2304") String latitude,
            @Schema(examples = "121.4737") String longitude,
            @Schema(description = "System of latitude and longitude; WGS84 if left out",
                    enumeration = {"WGS84", "GCJ02", "BD09"}) String coordinateSystem,
            @Schema(examples = "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11") String reportedBy,
            @Schema(examples = "Cover missing next to the bus stop") String description,
            @Schema(examples = "xinhua") String community) {
    }

    @POST
    // JSON is accepted only to answer it like any other caller: 401/403 first, then 400 for the missing photo.
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "reportHazard", summary = "Report a hazard with a photo",
            description = "The photo is stored under the report's id; its type is read from its bytes. A report "
                    + "within 30 m and 6 hours of an earlier one is flagged as its likely duplicate.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = Form.class),
            examples = @ExampleObject(name = "manhole", value = """
                    {"photo": "(binary JPEG)", "category": "missing-manhole-cover", "latitude": "31.2304",
                     "longitude": "121.4737", "reportedBy": "7f3c1c52-8a1e-4c1e-9a55-2f4f1b0c9d11",
                     "description": "Cover missing next to the bus stop", "community": "xinhua"}""")))
    @APIResponse(responseCode = "201", description = "Reported",
            content = @Content(schema = @Schema(implementation = HazardReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid or missing field")
    @APIResponse(responseCode = "403", description = "A volunteer reporting in someone else's name")
    @APIResponse(responseCode = "413", description = "The photo is larger than 5 MB")
    @APIResponse(responseCode = "415", description = "The photo is not a JPEG, PNG or WebP image")
    @APIResponse(responseCode = "429", description = "Too many reports in the reporter's name in the last hour; "
            + "Retry-After says when to try again")
    public Response report(
            @RestForm("photo") FileUpload photo,
            @RestForm @NotNull @Pattern(regexp = CATEGORY, message = "must be a code such as fallen-tree")
            String category,
            @RestForm @NotNull String latitude,
            @RestForm @NotNull String longitude,
            @RestForm String coordinateSystem,
            @RestForm @NotNull String reportedBy,
            @RestForm @Size(max = 1000) String description,
            @RestForm @Size(max = 64) String community,
            @Context UriInfo uriInfo) {
        // Form fields are not JSON: the chassis' character rule is applied to them here.
        ControlCharacters.require("category", category);
        ControlCharacters.require("latitude", latitude);
        ControlCharacters.require("longitude", longitude);
        ControlCharacters.require("coordinateSystem", coordinateSystem);
        ControlCharacters.require("reportedBy", reportedBy);
        ControlCharacters.require("description", description);
        ControlCharacters.require("community", community);
        if (photo == null) {
            throw ProblemException.invalid("photo", "must not be null");
        }
        GeoPoint location = CoordinateSystem.parse("coordinateSystem", coordinateSystem)
                .toWgs84(new GeoPoint(number("latitude", latitude, 90), number("longitude", longitude, 180)));
        UUID reporter = uuid("reportedBy", reportedBy);
        access.self(reporter);
        HazardReport hazard = service.report(new HazardReportService.NewReport(category, description, location,
                community, reporter, photo.uploadedFile(), photo.size()));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(hazard.id.toString()).build())
                .tag(ETags.of(hazard.version)).entity(HazardReportMapper.toResponse(hazard)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getHazardReport", summary = "Read a hazard report",
            description = "One hazard report with its state and triage; a volunteer reads only their own reports.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = HazardReportResponse.class)))
    @APIResponse(responseCode = "403", description = "Another community's report, or another volunteer's")
    @APIResponse(responseCode = "404", description = "No such report")
    public Response get(@PathParam("id") UUID id) {
        return respond(access.readHazard(service.require(id)));
    }

    @GET
    @Path("/{id}/photo")
    @Produces({"image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getHazardPhoto", summary = "The report's photo",
            description = "The photo attached to the report, as stored bytes with the media type they show (JPEG, PNG"
                    + " or WebP); metadata such as GPS tags was removed at upload.")
    @APIResponse(responseCode = "200", description = "The image, with the type its bytes show", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = "Another community's report, or another volunteer's")
    @APIResponse(responseCode = "404", description = "No such report")
    public Response photo(@PathParam("id") UUID id) {
        access.readHazard(service.require(id));
        HazardPhoto photo = service.photo(id).orElseThrow(() -> ProblemException.notFound("Hazard report", id));
        // nosniff: the browser must not guess another type than the one checked on upload.
        return Response.ok(photo.bytes, photo.contentType)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .build();
    }

    @GET
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listHazardReports", summary = "List hazard reports, newest first",
            description = "Staff list hazard reports of their community, newest first, filtered by state and "
                    + "severity, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of reports")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<HazardReportResponse> list(
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES)
            @Parameter(schema = @Schema(implementation = HazardStatus.class)) String status,
            @QueryParam("community") @Size(max = 64) String community,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new HazardReportRepository.Filter(status == null ? null : HazardStatus.valueOf(status),
                access.listedCommunity(community)), page, size).map(HazardReportMapper::toResponse);
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "triageHazardReport", summary = "Judge the severity of a new report",
            description = "Judge the severity of a new report (and whether it is urgent); it then waits to be "
                    + "assigned.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "high", value = """
            {"triagedBy": "staff-007", "severity": "HIGH"}""")))
    @APIResponse(responseCode = "200", description = "TRIAGED",
            content = @Content(schema = @Schema(implementation = HazardReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's report, or another volunteer's")
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "Not REPORTED")
    @APIResponse(responseCode = "422", description = "triagedBy names someone other than the caller")
    public Response triage(@PathParam("id") UUID id, TriageRequest request) {
        access.manageHazard(service.require(id));
        return respond(service.triage(id, request));
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "assignHazardReport", summary = "Hand a triaged report to whoever deals with it",
            description = "Hand a triaged report to the person or department who deals with it; allowed while TRIAGED"
                    + " or ASSIGNED (reassignment).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "roads", value = """
            {"assignee": "District roads department"}""")))
    @APIResponse(responseCode = "200", description = "ASSIGNED",
            content = @Content(schema = @Schema(implementation = HazardReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's report, or another volunteer's")
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "Not TRIAGED or ASSIGNED")
    public Response assign(@PathParam("id") UUID id, HazardAssignmentRequest request) {
        access.manageHazard(service.require(id));
        return respond(service.assign(id, request));
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "resolveHazardReport", summary = "Record that the hazard was dealt with",
            description = "Record that an assigned hazard was dealt with, by whom and how; the reporter is told.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fixed", value = """
            {"resolvedBy": "staff-007", "resolution": "Manhole cover replaced"}""")))
    @APIResponse(responseCode = "200", description = "RESOLVED",
            content = @Content(schema = @Schema(implementation = HazardReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's report, or another volunteer's")
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "Not ASSIGNED")
    @APIResponse(responseCode = "422", description = "resolvedBy names someone other than the caller")
    public Response resolve(@PathParam("id") UUID id, ResolutionRequest request) {
        access.manageHazard(service.require(id));
        return respond(service.resolve(id, request));
    }

    @POST
    @Path("/{id}/dismissal")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "dismissHazardReport", summary = "Dismiss a report: no hazard, or a duplicate",
            description = "Close a report that is no hazard or repeats another, with the reason; the reporter is "
                    + "told.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "duplicate", value = """
            {"resolvedBy": "staff-007", "resolution": "Duplicate of the report from 09:12"}""")))
    @APIResponse(responseCode = "200", description = "DISMISSED",
            content = @Content(schema = @Schema(implementation = HazardReportResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input")
    @APIResponse(responseCode = "403", description = "Another community's report, or another volunteer's")
    @APIResponse(responseCode = "404", description = "No such report")
    @APIResponse(responseCode = "409", description = "Already assigned, resolved or dismissed")
    @APIResponse(responseCode = "422", description = "resolvedBy names someone other than the caller")
    public Response dismiss(@PathParam("id") UUID id, ResolutionRequest request) {
        access.manageHazard(service.require(id));
        return respond(service.dismiss(id, request));
    }

    private static Response respond(HazardReport hazard) {
        return Response.ok(HazardReportMapper.toResponse(hazard)).tag(ETags.of(hazard.version)).build();
    }

    private static double number(String field, String value, double bound) {
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= -bound && number <= bound) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below like an out-of-range number.
        }
        throw ProblemException.invalid(field, "must be a number from " + (int) -bound + " to " + (int) bound);
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
