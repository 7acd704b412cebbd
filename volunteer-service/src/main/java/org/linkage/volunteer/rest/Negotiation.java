package org.linkage.volunteer.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Operations that answer JSON unless the client asks for another form (a PDF, a page) before JSON. */
final class Negotiation {

    /** Whether the client's first acceptable type among JSON and {@code other} is {@code other}, named outright. */
    static boolean prefers(HttpHeaders headers, MediaType other) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(type -> type.isCompatible(other) || type.isCompatible(MediaType.APPLICATION_JSON_TYPE))
                .findFirst()
                .map(type -> !type.isWildcardType() && type.isCompatible(other))
                .orElse(false);
    }

    private Negotiation() {
    }
}
