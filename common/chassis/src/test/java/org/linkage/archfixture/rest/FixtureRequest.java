package org.linkage.archfixture.rest;

/** A request record left in rest and taken by a service: the cycle the architecture rules must catch. */
public record FixtureRequest(String name) {
}
