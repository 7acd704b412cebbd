package org.linkage.volunteer.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.chassis.problem.ProblemException;
import org.linkage.chassis.ratelimit.RateLimited;
import org.linkage.volunteer.api.CertificateCheckResponse;
import org.linkage.volunteer.api.CertificateVerificationResponse;
import org.linkage.volunteer.domain.CertificateVerification;
import org.linkage.volunteer.mapping.CertificatePage;
import org.linkage.volunteer.mapping.HoursMapper;
import org.linkage.volunteer.service.HoursCertificates;

/**
 * What a service-hours certificate's QR code opens: public, without login, and telling nothing but that the
 * certificate was issued, when, by whom, to a masked name, and the fingerprint of the PDF as issued.
 */
@Path("/api/v1/certificate-verifications/{code}")
@Tag(name = "Certificate verification", description = "Public checks of service-hours certificates, without login")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RateLimited(value = "certificate-verification", perMinute = 30)
public class CertificateVerificationResource {

    private static final String PDF = "application/pdf";

    private final HoursCertificates certificates;

    CertificateVerificationResource(HoursCertificates certificates) {
        this.certificates = certificates;
    }

    @GET
    @Operation(operationId = "verifyHoursCertificate", summary = "Verify a service-hours certificate",
            description = "The address in the certificate's QR code. Confirms that the certificate was issued, when "
                    + "and by which organisation, whether it is still attested, the holder's family name (the rest "
                    + "masked) and the SHA-256 of the PDF as issued; nothing else. A certificate whose holder's "
                    + "personal data was erased is REVOKED. At most 30 calls a minute per client.")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @APIResponse(responseCode = "200", description = "The certificate was issued. JSON unless the client prefers "
            + "text/html (a browser that opened the QR code): then a page in Chinese saying the same, no more",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CertificateVerificationResponse.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"zh-CN\">"
                                    + "…<h1>志愿服务时长证明核验</h1>…</html>"))})
    @APIResponse(responseCode = "404", description = "No certificate has this code")
    @APIResponse(responseCode = "429", description = "Too many verifications from this client; see Retry-After")
    public Response verify(@PathParam("code") @Parameter(description = "The code in the "
            + "certificate's QR code", example = "q3XbN0u7Yk2vR9sWcT4mLa8e") String code,
                           @Context HttpHeaders headers) {
        CertificateVerificationResponse verification = HoursMapper.toResponse(verification(code));
        // HTML only when asked for before JSON (a browser); a client taking anything gets JSON, as before.
        if (Negotiation.prefers(headers, MediaType.TEXT_HTML_TYPE)) {
            return Response.ok(CertificatePage.html(verification), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header(HttpHeaders.CONTENT_LANGUAGE, "zh-CN").header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        }
        return Response.ok(verification, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    @POST
    @Path("/checks")
    @Consumes(PDF)
    @Operation(operationId = "checkHoursCertificatePdf", summary = "Check that a certificate's PDF is unaltered",
            description = "Send the PDF file as the body: matches is true only when it is, byte for byte, the PDF "
                    + "as issued and the certificate is still VALID. Nothing is stored. At most 30 calls a minute "
                    + "per client, shared with the verification.")
    @RequestBody(content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "certificate", value = "%PDF-1.5 … %%EOF",
                    description = "The certificate's PDF file, exactly as downloaded (shortened here)")))
    @APIResponse(responseCode = "200", description = "Whether the file is the certificate as issued",
            content = @Content(schema = @Schema(implementation = CertificateCheckResponse.class)))
    @APIResponse(responseCode = "400", description = "No file was sent")
    @APIResponse(responseCode = "404", description = "No certificate has this code")
    @APIResponse(responseCode = "429", description = "Too many verifications from this client; see Retry-After")
    public CertificateCheckResponse check(@PathParam("code") @Parameter(description = "The code in the "
            + "certificate's QR code", example = "q3XbN0u7Yk2vR9sWcT4mLa8e") String code, byte[] file) {
        if (file == null || file.length == 0) {
            throw ProblemException.invalid("body", "send the certificate's PDF file");
        }
        return HoursMapper.toCheck(verification(code), file);
    }

    private CertificateVerification verification(String code) {
        return certificates.verify(code)
                .orElseThrow(() -> ProblemException.notFound("Certificate verification", code));
    }
}
