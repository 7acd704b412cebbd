package org.linkage.chassis.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells clients of a deprecated operation so on every answer: {@code Deprecation: @<epoch seconds>} (RFC 9745),
 * {@code Sunset: <HTTP date>} (RFC 8594) and {@code Link: <changelog>; rel="deprecation"}, from the operation's
 * {@link Sunset}.
 */
public class DeprecationHeaders {

    public static final String CHANGELOG = "https://linkage.example.org/docs/api/CHANGELOG.md";

    @ServerResponseFilter
    public void tell(SimpleResourceInfo resource, ContainerResponseContext response) {
        Sunset sunset = sunsetOf(resource);
        if (sunset == null) {
            return;
        }
        response.getHeaders().putSingle("Deprecation",
                "@" + LocalDate.parse(sunset.since()).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        response.getHeaders().putSingle("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME
                .format(LocalDate.parse(sunset.value()).atStartOfDay(ZoneOffset.UTC)));
        response.getHeaders().add("Link", "<" + CHANGELOG + ">; rel=\"deprecation\"");
    }

    /** Looked up once per operation: this runs on every answer. */
    private final Map<String, Optional<Sunset>> sunsets = new ConcurrentHashMap<>();

    private Sunset sunsetOf(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        String operation = resource.getResourceClass().getName() + "#" + resource.getMethodName()
                + Arrays.toString(resource.parameterTypes());
        return sunsets.computeIfAbsent(operation, key -> {
            try {
                Method method = resource.getResourceClass().getMethod(resource.getMethodName(),
                        resource.parameterTypes());
                return Optional.ofNullable(method.isAnnotationPresent(Deprecated.class)
                        ? method.getAnnotation(Sunset.class) : null);
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
