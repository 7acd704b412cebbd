package org.linkage.volunteer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.linkage.chassis.idempotency.IdempotencyKeys;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.security.CurrentUser;
import org.linkage.chassis.security.Roles;
import org.linkage.chassis.web.Page;
import org.linkage.volunteer.api.CertificateRequest;
import org.linkage.volunteer.api.CertificateRevocationRequest;
import org.linkage.volunteer.api.CorrectionRequest;
import org.linkage.volunteer.api.HoursCertificateResponse;
import org.linkage.volunteer.api.HoursEntryResponse;
import org.linkage.volunteer.api.HoursSummaryResponse;
import org.linkage.volunteer.domain.HoursCertificate;
import org.linkage.volunteer.domain.HoursEntry;
import org.linkage.volunteer.mapping.HoursMapper;
import org.linkage.volunteer.service.HoursCertificates;
import org.linkage.volunteer.service.HoursLedger;

import java.util.UUID;

@Path("/api/v1/volunteers/{volunteerId}")
@Tag(name = "Service hours", description = "The append-only service-hours ledger, star levels and certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoursResource {

    private static final String PDF = "application/pdf";

    private final CurrentUser user;
    private final HoursLedger ledger;
    private final HoursCertificates certificates;

    HoursResource(HoursLedger ledger, HoursCertificates certificates, CurrentUser user) {
        this.ledger = ledger;
        this.certificates = certificates;
        this.user = user;
    }

    @GET
    @Path("/hours")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getVolunteerHours", summary = "A volunteer's hours per year, lifetime and star level",
            description = "The volunteer's recorded service hours per year and in total, and the star level they "
                    + "earn; the hours certificate is built from the same figures.")
    @APIResponse(responseCode = "200", description = "The totals",
            content = @Content(schema = @Schema(implementation = HoursSummaryResponse.class)))
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public HoursSummaryResponse summary(@PathParam("volunteerId") UUID volunteerId) {
        user.requireSelfOrStaff(volunteerId);
        return ledger.summary(volunteerId)
                .map(summary -> HoursMapper.toResponse(volunteerId, summary))
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
    }

    @GET
    @Path("/hours/entries")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "listVolunteerHoursEntries", summary = "List a volunteer's ledger entries",
            description = "Oldest service first; corrections appear as entries of their own.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", description = "Invalid paging or year")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    public Page<HoursEntryResponse> entries(@PathParam("volunteerId") UUID volunteerId,
                                            @QueryParam("year") @Parameter(description = "Only this year's service",
                                                    example = "2026") @Min(2000) @Max(2100) Integer year,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        user.requireSelfOrStaff(volunteerId);
        return ledger.entries(volunteerId, year, page, size)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId))
                .map(HoursMapper::toResponse);
    }

    @POST
    @Path("/hours/corrections")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "correctVolunteerHours", summary = "Record a compensating entry",
            description = "The ledger is never edited: hours wrongly credited are taken back (or missing hours "
                    + "added) by a correction entry, recorded in the caller's name. Publishes HoursCredited, and "
                    + "StarLevelReached when a star threshold is crossed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "take back", value = """
            {"hours": -1.5, "serviceDate": "2026-11-20", "reason": "签退时间晚录入90分钟",
             "correctsEntryId": "3f1c2b9e-7a52-4d5e-9a53-0f6b1f0c9d11"}""")))
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = HoursEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, an unknown entry, or a total below zero")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response correct(@PathParam("volunteerId") UUID volunteerId, CorrectionRequest request,
                            @Parameter(description = "Makes retries safe: the same key records one correction")
                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                            @Context UriInfo uriInfo) {
        HoursEntry entry = ledger.correct(volunteerId, request, user.subject(), idempotencyKey)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("/api/v1/volunteers/{volunteerId}/hours/entries").build(volunteerId))
                .entity(HoursMapper.toResponse(entry))
                .build();
    }

    @POST
    @Path("/hours-certificates")
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "issueHoursCertificate", summary = "Issue a service-hours certificate for a period",
            description = "Numbered, in the name of the issuing organisation, covering the ledger entries of "
                    + "the period as they stand now, with the volunteer's star level; its PDF, rendered now and "
                    + "kept as issued, carries a QR code linking to the public verification (verificationUrl). "
                    + "Read it back as JSON or, with Accept: application/pdf, printable.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "year", value = """
            {"from": "2026-01-01", "to": "2026-12-31"}""")))
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(schema = @Schema(implementation = HoursCertificateResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid period")
    @APIResponse(responseCode = "404", description = "No such volunteer")
    @APIResponse(responseCode = "409", description = "No hours are recorded in the period")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response issueCertificate(@PathParam("volunteerId") UUID volunteerId, CertificateRequest request,
                                     @Parameter(description = "Makes retries safe: the same key issues one certificate")
                                     @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                                     @Context UriInfo uriInfo) {
        user.requireSelfOrStaff(volunteerId);
        HoursCertificate certificate = certificates.issue(volunteerId, request, idempotencyKey)
                .orElseThrow(() -> ProblemException.notFound("Volunteer", volunteerId));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(certificate.id.toString()).build())
                .entity(toResponse(certificate))
                .build();
    }

    @GET
    @Path("/hours-certificates/{certificateId}")
    @Produces({MediaType.APPLICATION_JSON, PDF})
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "getHoursCertificate", summary = "Read a service-hours certificate as JSON or PDF",
            description = "Send Accept: application/pdf for the printable certificate. Each reading is recorded in "
                    + "the audit log (EXPORT).")
    @APIResponse(responseCode = "200", description = "The certificate", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HoursCertificateResponse.class)),
            @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums
                    .SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such certificate of this volunteer")
    public Response certificate(@PathParam("volunteerId") UUID volunteerId,
                                @PathParam("certificateId") UUID certificateId,
                                @Context HttpHeaders headers) {
        if (prefersPdf(headers)) {
            return certificatePdf(volunteerId, certificateId);
        }
        user.requireSelfOrStaff(volunteerId);
        HoursCertificateResponse certificate = certificates.export(volunteerId, certificateId)
                .map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Certificate", certificateId));
        return Response.ok(certificate, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/hours-certificates/{certificateId}/revocation")
    @RolesAllowed({Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "revokeHoursCertificate", summary = "Revoke one service-hours certificate",
            description = "Staff only. From now on the certificate's public verification says REVOKED (without the "
                    + "holder's name or the PDF's fingerprint) and a check of its PDF does not match. Who revoked it, "
                    + "when and why are kept with the certificate and recorded in the audit log (UPDATE). Revoking "
                    + "a revoked certificate is a conflict: the first reason stands.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "wrong period",
            value = "{\"reason\": \"Issued for the wrong period; reissued\"}")))
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = HoursCertificateResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason given, or one longer than 500 characters")
    @APIResponse(responseCode = "404", description = "No such certificate of this volunteer")
    @APIResponse(responseCode = "409", description = "The certificate is revoked already")
    public HoursCertificateResponse revokeCertificate(@PathParam("volunteerId") UUID volunteerId,
                                                      @PathParam("certificateId") UUID certificateId,
                                                      CertificateRevocationRequest request) {
        return certificates.revoke(volunteerId, certificateId, request, user.id()).map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Certificate", certificateId));
    }

    @GET
    @Path("/hours-certificates/{certificateId}/pdf")
    @Produces(PDF)
    @RolesAllowed({Roles.VOLUNTEER, Roles.SOCIAL_WORKER, Roles.ADMIN})
    @Operation(operationId = "downloadHoursCertificatePdf", summary = "Download a service-hours certificate as PDF",
            description = "The printable certificate, whatever the Accept header says: one operation per media type,"
                    + " for generated clients. The same bytes every time (their SHA-256 is the certificate's "
                    + "pdfSha256, which the public verification confirms). Each download is recorded in the audit "
                    + "log (EXPORT).")
    @APIResponse(responseCode = "200", description = "The certificate, printable", content = @Content(
            mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                    .STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such certificate of this volunteer")
    public Response certificatePdf(@PathParam("volunteerId") UUID volunteerId,
                                   @PathParam("certificateId") UUID certificateId) {
        user.requireSelfOrStaff(volunteerId);
        HoursCertificates.Printed printed = certificates.exportPdf(volunteerId, certificateId)
                .orElseThrow(() -> ProblemException.notFound("Certificate", certificateId));
        return Response.ok(printed.pdf(), PDF)
                .header("Content-Disposition", "inline; filename=\"" + printed.number() + ".pdf\"")
                .build();
    }

    /** The client's most preferred of the two; JSON when it states no preference. */
    private static boolean prefersPdf(HttpHeaders headers) {
        return Negotiation.prefers(headers, MediaType.valueOf(PDF));
    }

    private HoursCertificateResponse toResponse(HoursCertificate certificate) {
        return HoursMapper.toResponse(certificate, certificates.volunteerName(certificate),
                certificates.entriesOf(certificate), certificates.verificationUrl(certificate));
    }
}
