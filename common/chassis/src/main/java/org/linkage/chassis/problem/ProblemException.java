package org.linkage.chassis.problem;

import java.util.List;

/** Thrown by services for a client error; becomes a problem+json response with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /** A conflict with the stored state that one field of the request ran into. */
    public static ProblemException conflict(String detail, String field, String message) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(new Violation(field, message)));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    /** The caller is known but may not do this, or may not touch this object (someone else's). */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** A refused request for a business reason the caller can fix (e.g. missing consent), naming the field. */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", "Cannot be processed", field + ": " + message,
                List.of(new Violation(field, message)));
    }

    /** Over a rate limit checked in code (where {@code @RateLimited} on the operation cannot tell). */
    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "rate-limited", "Too many requests", detail, List.of());
    }

    /** A body without a Content-Type, or of a type the operation does not read. */
    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
