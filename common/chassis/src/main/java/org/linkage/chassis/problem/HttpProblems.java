package org.linkage.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.Map;

/**
 * The answers the HTTP layer gives before any operation runs, as problem+json like every other error: a path no
 * operation serves (404), a method or media type the router refuses (405, 406, 415), a body longer than
 * the operation's limit (413) and a request line longer than {@code linkage.http.max-uri-length} (414). Quarkus has one
 * body limit for the whole server, the largest any operation takes; here each operation is held to its own
 * ({@link HttpLimitsConfig}), so that a service with an upload does not take uploads' sizes everywhere. The HTTP
 * codec itself cuts request lines at {@code quarkus.http.limits.max-initial-line-length}, set well above ours so that
 * this handler is the one that answers.
 */
@ApplicationScoped
public class HttpProblems {

    /** Before Quarkus' own body-size check (which answers 413 without a body), after its header handlers. */
    static final int ORDER = Integer.MIN_VALUE + 100;

    /** Right after Quarkus' own limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), which sets the key below. */
    static final int CHUNKED_ORDER = -1;
    /** Where Quarkus' body readers look for the limit of a body without Content-Length (chunked). */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";

    private final ObjectMapper json;
    private final int maxUriLength;
    private final long maxBodySize;
    private final Map<String, Long> largerBodies = new HashMap<>();

    HttpProblems(ObjectMapper json, HttpLimitsConfig config) {
        this.json = json;
        this.maxUriLength = config.maxUriLength();
        this.maxBodySize = config.maxBodySize().asLongValue();
        config.largerBodies().values().forEach(body -> largerBodies.put(body.path(), body.maxBodySize().asLongValue()));
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::limits);
        router.route().order(CHUNKED_ORDER).handler(this::chunkedLimit);
        for (int status : new int[]{400, 404, 405, 406, 413, 414, 415}) {
            router.errorHandler(status, context -> write(context, status, null));
        }
    }

    private void limits(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            write(context, 414, "The request line may be at most " + maxUriLength + " characters long");
            return;
        }
        long limit = limitOf(context);
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length, limit)) {
            // The rest of the body is not read: the connection closes once the answer is sent.
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> context.request().connection().close());
            write(context, 413, "The body of this operation may be at most " + limit + " bytes long");
            return;
        }
        context.next();
    }

    /** A body without Content-Length (chunked) is cut off by Quarkus where the operation's limit is. */
    private void chunkedLimit(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            context.put(MAX_REQUEST_SIZE_KEY, limitOf(context));
        }
        context.next();
    }

    private long limitOf(RoutingContext context) {
        return largerBodies.getOrDefault(context.normalizedPath(), maxBodySize);
    }

    private static boolean tooLong(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void write(RoutingContext context, int status, String detail) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        String reason = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        // A path longer than the limit is not repeated in the answer.
        String instance = status == 414 ? null : context.normalizedPath();
        Problem problem = Problem.ofStatus(status, reason, detail == null ? reason : detail, instance);
        String acceptLanguage = context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        problem = ProblemTitles.inLanguage(problem, acceptLanguage);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, ProblemTitles.language(acceptLanguage))
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).end(body);
    }
}
