package org.linkage.chassis.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** An RFC 9457 problem document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        @Schema(examples = "https://linkage.dev/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "1 field is invalid") String detail,
        @Schema(examples = "/api/v1/volunteers") String instance,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://linkage.dev/problems/";

    /** The types of the HTTP layer's own client errors (the others are about:blank). */
    static final Map<Integer, String> SLUGS = Map.of(400, "bad-request", 404, "not-found",
            405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large", 414, "uri-too-long",
            415, "unsupported-media-type");

    /** A problem for an HTTP status that says no more than the status (404 for a path, 405 for a method...). */
    public static Problem ofStatus(int status, String title, String detail, String instance) {
        String slug = SLUGS.get(status);
        return new Problem(slug == null ? "about:blank" : TYPE_BASE + slug, title, status, detail, instance,
                List.of());
    }

    /** The same problem under another title (the reader's language). */
    public Problem titled(String newTitle) {
        return new Problem(type, newTitle, status, detail, instance, violations);
    }

    /** The request's path as the problem's {@code instance}, or null outside a request. */
    public static String instanceOf(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
