package org.linkage.archfixture.service;

import org.linkage.archfixture.rest.FixtureRequest;

/** Takes the REST layer's request type, as services once did. */
public class FixtureService {

    public String handle(FixtureRequest request) {
        return request.name();
    }
}
