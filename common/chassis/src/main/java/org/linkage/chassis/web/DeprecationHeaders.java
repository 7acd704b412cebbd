package org.linkage.chassis.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Tells clients of a deprecated operation so on every answer: {@code Deprecation: @<epoch seconds>} (RFC 9745),
 * {@code Sunset: <HTTP date>} (RFC 8594) and {@code Link: <changelog>; rel="deprecation"}, from the operation's
 * {@link Sunset}. Every other answer costs one annotation lookup, which the JDK caches per method.
 */
public class DeprecationHeaders {

    public static final String CHANGELOG = "https://linkage.example.org/docs/api/CHANGELOG.md";

    @ServerResponseFilter
    public void tell(ResourceInfo resource, ContainerResponseContext response) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Sunset sunset = method == null || !method.isAnnotationPresent(Deprecated.class) ? null
                : method.getAnnotation(Sunset.class);
        if (sunset == null) {
            return;
        }
        response.getHeaders().putSingle("Deprecation",
                "@" + LocalDate.parse(sunset.since()).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        response.getHeaders().putSingle("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME
                .format(LocalDate.parse(sunset.value()).atStartOfDay(ZoneOffset.UTC)));
        response.getHeaders().add("Link", "<" + CHANGELOG + ">; rel=\"deprecation\"");
    }
}
