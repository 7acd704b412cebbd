package org.linkage.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into application/problem+json. Client errors name what is wrong; server errors say
 * nothing beyond an error id that is also logged with the stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(),
                Problem.instanceOf(uri), e.violations()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail,
                Problem.instanceOf(uri), violations));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping.getPath()) : "";
        String message = e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        List<Violation> violations = field.isEmpty() ? List.of() : List.of(new Violation(field, message));
        String detail = field.isEmpty() ? "The request body is not valid JSON" : field + " " + message;
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 400, detail,
                Problem.instanceOf(uri), violations));
    }

    /** Declared on its own because quarkus-rest-jackson maps this subtype itself, without problem+json. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableBody) {
            return unreadable(unreadableBody, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return serverError(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Client error";
        return respond(new Problem("about:blank", title, status, e.getMessage(), Problem.instanceOf(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        return serverError(e, uri);
    }

    private static Response serverError(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, Problem.instanceOf(uri));
        return respond(new Problem("about:blank", "Internal Server Error", 500, "Error id " + errorId,
                Problem.instanceOf(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * "register.request.homeLocation.latitude" becomes "homeLocation.latitude", a list element "skills[0]" or
     * "skills[0].level"; a bare parameter keeps its name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            // A node in an iterable carries the index of the element it belongs to: it goes on the list's name.
            if (node.isInIterable() && !names.isEmpty()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (key != null) {
                    names.set(names.size() - 1, names.get(names.size() - 1) + "[" + key + "]");
                }
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                names.add(node.getName());
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return String.join(".", names);
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
