package org.linkage.chassis.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes every problem answered through JAX-RS (exception mappers, security, rate limits) with its title, detail
 * and violation messages in the reader's language ({@link ProblemTitles}); {@link HttpProblems} does the same
 * below JAX-RS.
 */
@Provider
public class ProblemLanguage implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            String acceptLanguage = request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
            response.setEntity(ProblemTitles.inLanguage(problem, acceptLanguage),
                    response.getEntityAnnotations(), response.getMediaType());
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, ProblemTitles.language(acceptLanguage));
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }
}
