package org.linkage.chassis.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into application/problem+json. Client errors name what is wrong (a truncated or malformed
 * multipart form is a 400 too); two requests changing the same thing at once answer 409 (412 when the loser sent
 * If-Match); no database connection free in time answers 503 with Retry-After; server errors say nothing beyond an
 * error id
 * that is also logged with the stack trace and sent as {@value #CORRELATION_HEADER}. Failures the HTTP layer
 * answers before an operation runs are written by {@link HttpProblems}.
 */
public class ProblemMappers {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String INTERNAL_ERROR = Problem.TYPE_BASE + "internal-error";
    public static final String OVERLOADED = Problem.TYPE_BASE + "overloaded";
    private static final int OVERLOADED_RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** PostgreSQL's serialization failure, deadlock and unique violation: another request won a race. */
    private static final Set<String> RACE_STATES = Set.of("40001", "40P01", "23505");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    private static Response toResponse(ProblemException e, UriInfo uri) {
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
        String field = "";
        String message = "is not valid JSON";
        if (e instanceof RefusedJsonValue forbidden) {
            field = jsonPath(forbidden.getPath());
            message = forbidden.getOriginalMessage();
        } else if (e instanceof MismatchedInputException mismatched) {
            field = jsonPath(mismatched.getPath());
            message = expected(mismatched.getTargetType());
        } else if (e instanceof JsonMappingException mapping) {
            field = jsonPath(mapping.getPath());
            message = mapping.getCause() instanceof InputCoercionException coercion
                    ? expected(coercion.getTargetType()) + " in range" : "has the wrong type or format";
        } else if (e instanceof InputCoercionException coercion) {
            // A number too large for its field: the parser still knows where it was.
            JsonParser parser = coercion.getProcessor();
            field = parser == null ? "" : jsonPath(parser.getParsingContext());
            message = expected(coercion.getTargetType()) + " in range";
        }
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
        return respond(Problem.ofStatus(status, title, e.getMessage(), Problem.instanceOf(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return toResponse(problem, uri);
            }
            if (cause instanceof MultiPartParserDefinition.FileTooLargeException) {
                return respond(Problem.ofStatus(413, "Payload Too Large", "A part of the form is too large",
                        Problem.instanceOf(uri)));
            }
            if (isMalformedForm(cause)) {
                return toResponse(ProblemException.invalid("body",
                        "is not a complete multipart form (truncated, or its boundary is wrong)"), uri);
            }
            if (isConcurrentChange(cause)) {
                LOG.infof("Concurrent change on %s: %s", Problem.instanceOf(uri), cause);
                return concurrentChange(headers.getHeaderString(HttpHeaders.IF_MATCH), uri);
            }
            if (isPoolExhausted(cause)) {
                LOG.warnf("Overloaded on %s: no database connection within the acquisition timeout",
                        Problem.instanceOf(uri));
                return overloaded(uri);
            }
        }
        return serverError(e, uri);
    }

    /**
     * Agroal's answer when every database connection stayed busy for the whole acquisition timeout: the service is
     * overloaded, not broken. It throws a plain SQLException without a state, so it is known by where it comes from.
     */
    static boolean isPoolExhausted(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return e instanceof SQLException sql && sql.getSQLState() == null && frames.length > 0
                && frames[0].getClassName().startsWith("io.agroal.pool.")
                && String.valueOf(sql.getMessage()).contains("acquisition timeout");
    }

    /** 503 with Retry-After: nothing was done, and the same request may be sent again shortly. */
    static Response overloaded(UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", OVERLOADED_RETRY_AFTER_SECONDS)
                .entity(new Problem(OVERLOADED, "Service overloaded", 503, "Too many requests are being served at "
                        + "once; nothing was done. Send the same request again in a few seconds (with the same "
                        + "Idempotency-Key, if it had one)", Problem.instanceOf(uri), List.of()))
                .build();
    }

    /** An optimistic lock that failed, or a database race (see {@link #RACE_STATES}). */
    static boolean isConcurrentChange(Throwable e) {
        return e instanceof OptimisticLockException || e instanceof StaleStateException
                || e instanceof SQLException sql && RACE_STATES.contains(String.valueOf(sql.getSQLState()));
    }

    /** The form parser's own failures: a body cut short or not in the form its boundary announces. */
    static boolean isMalformedForm(Throwable e) {
        if (e instanceof MultipartParser.MalformedMessageException) {
            return true;
        }
        StackTraceElement[] frames = e.getStackTrace();
        return e instanceof IOException && e.getMessage() != null && e.getMessage().startsWith("Connection terminated")
                && frames.length > 0 && frames[0].getClassName().startsWith(MultipartParser.class.getPackageName());
    }

    static Response concurrentChange(String ifMatch, UriInfo uri) {
        ProblemException problem = ifMatch == null || ifMatch.isBlank()
                ? ProblemException.conflict("Another request changed this at the same time; read it again and retry")
                : ProblemException.preconditionFailed("The resource changed while this request was applied "
                        + "(If-Match " + ifMatch.trim() + "); read it again and retry");
        return toResponse(problem, uri);
    }

    private static Response serverError(Throwable e, UriInfo uri) {
        String errorId = correlationId();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, Problem.instanceOf(uri));
        return Response.status(500).type(Problem.MEDIA_TYPE).header(CORRELATION_HEADER, errorId)
                .entity(new Problem(INTERNAL_ERROR, "Internal Server Error", 500, "Error id " + errorId,
                        Problem.instanceOf(uri), List.of()))
                .build();
    }

    /** The trace id, so that the error id finds the request's log lines and spans; a UUID outside a trace. */
    public static String correlationId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A bean validation finding as the violation a problem+json response lists (checks run outside a resource). */
    public static Violation violationOf(ConstraintViolation<?> violation) {
        return new Violation(fieldOf(violation), violation.getMessage());
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

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ControlCharacters.printable(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.addFirst("." + ControlCharacters.printable(at.getCurrentName()));
            }
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** What a value of the target type looks like, for a violation's message (bodies and parameters alike). */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date or time in ISO 8601 form";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "must be an object";
    }
}
