package org.linkage.chassis.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The answers the HTTP layer gives before any operation runs, as problem+json like every other error: a path no
 * operation serves (404), a method or media type the router refuses (405, 406, 415), a body longer than
 * {@code quarkus.http.limits.max-body-size} (413) and a request line longer than {@code linkage.http.max-uri-length}
 * (414). The HTTP codec itself cuts request lines at {@code quarkus.http.limits.max-initial-line-length}, set well
 * above ours so that this handler is the one that answers.
 */
@ApplicationScoped
public class HttpProblems {

    /** Before Quarkus' own body-size check (which answers 413 without a body), after its header handlers. */
    static final int ORDER = Integer.MIN_VALUE + 100;

    private final ObjectMapper json;
    private final int maxUriLength;
    private final long maxBodySize;

    HttpProblems(ObjectMapper json, @ConfigProperty(name = "linkage.http.max-uri-length") int maxUriLength,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.maxUriLength = maxUriLength;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::limits);
        for (int status : new int[]{400, 404, 405, 406, 413, 414, 415}) {
            router.errorHandler(status, context -> write(context, status, null));
        }
    }

    private void limits(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            write(context, 414, "The request line may be at most " + maxUriLength + " characters long");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            // The rest of the body is not read: the connection closes once the answer is sent.
            context.response().putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> context.request().connection().close());
            write(context, 413, "The body may be at most " + maxBodySize + " bytes long");
            return;
        }
        context.next();
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
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
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
