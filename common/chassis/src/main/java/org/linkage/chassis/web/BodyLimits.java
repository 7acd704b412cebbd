package org.linkage.chassis.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.linkage.chassis.problem.Problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds each operation to its own body limit ({@link BodyLimitsConfig}). Quarkus has one limit for the whole server,
 * which must be the largest any operation takes; without this, every operation of a service with an upload would
 * take bodies as large as the upload's. A declared Content-Length over the limit is answered at once with 413
 * problem+json; a chunked body is cut off by Quarkus when it reads past the limit set here.
 */
@ApplicationScoped
public class BodyLimits {

    /** Where Quarkus' own readers look for the limit of a body without Content-Length. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    /** Right after Quarkus' server-wide limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int ORDER = -1;

    private final long defaultLimit;
    private final Map<String, Long> byPath = new HashMap<>();
    private final ObjectMapper json;

    BodyLimits(BodyLimitsConfig config, ObjectMapper json) {
        this.defaultLimit = config.maxBodySize().asLongValue();
        config.largerBodies().values().forEach(body -> byPath.put(body.path(), body.maxBodySize().asLongValue()));
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::limit);
    }

    /** The limit of the operation at this path. */
    public long limitOf(String path) {
        return byPath.getOrDefault(path, defaultLimit);
    }

    private void limit(RoutingContext context) {
        long limit = limitOf(context.normalizedPath());
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                refuse(context, limit);
                return;
            }
        } else {
            context.put(MAX_REQUEST_SIZE_KEY, limit);
        }
        context.next();
    }

    private void refuse(RoutingContext context, long limit) {
        String body;
        try {
            body = json.writeValueAsString(new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large",
                    413, "The request body of this operation may be at most " + limit + " bytes",
                    context.normalizedPath(), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The unread body is not drained: the connection is closed after the answer.
        context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }
}
