package org.linkage.chassis.security;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers on every response, whichever part of the stack answers (resources, problem mappers, Vert.x' own 404 and
 * 413): browsers must not guess content types; answers under {@code /api/} carry personal data and must not be
 * stored by any cache; production tells browsers to use HTTPS only. A header a resource set itself is kept.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    /** Before Quarkus' own filters, so that every answer passes here. */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        boolean production = ProductionReadiness.isProduction(ConfigUtils.getProfiles());
        filters.register(context -> {
            context.addHeadersEndHandler(ignored ->
                    apply(context.request().path(), context.response().headers(), production));
            context.next();
        }, PRIORITY);
    }

    static void apply(String path, MultiMap headers, boolean production) {
        headers.set("X-Content-Type-Options", "nosniff");
        if (path != null && path.startsWith("/api/") && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
        if (production) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
