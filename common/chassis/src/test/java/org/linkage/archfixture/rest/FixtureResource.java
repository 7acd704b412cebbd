package org.linkage.archfixture.rest;

import org.linkage.archfixture.service.FixtureService;

/** Calls the service, closing the cycle rest -> service -> rest. */
public class FixtureResource {

    private final FixtureService service = new FixtureService();

    public String handle(String name) {
        return service.handle(new FixtureRequest(name));
    }
}
