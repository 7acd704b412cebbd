package org.linkage.chassis.input;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.linkage.chassis.problem.ControlCharacters;
import org.linkage.chassis.problem.ProblemException;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every operation refuses before it runs, whatever it is: a forbidden character (see
 * {@link ControlCharacters}) in a query or path parameter or a header, a parameter value its declared type does
 * not allow ({@link StrictParameters}), and a body that does not say its type (415). Bodies themselves are read
 * by {@link StrictJson}.
 */
public class StrictRequests {

    private final Map<Method, StrictParameters> parameters = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters(true);
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        path.forEach(StrictRequests::requireClean);
        query.forEach(StrictRequests::requireClean);
        request.getHeaders().forEach(StrictRequests::requireClean);
        if (hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            throw ProblemException.unsupportedMediaType(
                    "The request has a body but no Content-Type; send the type the operation declares");
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            parameters.computeIfAbsent(method, StrictParameters::of).check(query, path, request.getHeaders());
        }
    }

    private static void requireClean(String name, List<String> values) {
        ControlCharacters.require(name, name);
        values.forEach(value -> ControlCharacters.require(name, value));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !length.trim().equals("0") : request.getHeaderString("Transfer-Encoding") != null;
    }
}
