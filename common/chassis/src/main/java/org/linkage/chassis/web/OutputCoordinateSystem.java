package org.linkage.chassis.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.linkage.chassis.geo.CoordinateSystem;

/**
 * The coordinate system a request wants its positions in, from {@value #HEADER} (WGS84 when absent). Every
 * operation of every service reads it the same way: an unknown system is a 400 naming the header before the
 * operation runs, and every {@link Coordinates} of the answer is written in it.
 */
public class OutputCoordinateSystem {

    public static final String HEADER = "Accept-Coordinate-System";
    private static final String PROPERTY = OutputCoordinateSystem.class.getName();

    @ServerRequestFilter
    public void read(ContainerRequestContext request) {
        request.setProperty(PROPERTY, CoordinateSystem.parse(HEADER, request.getHeaderString(HEADER)));
    }

    /** The system asked for by the request being answered on this thread; WGS-84 outside a request. */
    public static CoordinateSystem current() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        Object asked = request == null ? null : request.getProperty(PROPERTY);
        return asked instanceof CoordinateSystem system ? system : CoordinateSystem.DEFAULT;
    }
}
