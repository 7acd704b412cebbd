package org.linkage.chassis.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link DestinationGuard} of a service, built from {@link OutboundConfig}. */
@ApplicationScoped
public class OutboundDestinations {

    @Produces
    @Singleton
    DestinationGuard guard(OutboundConfig config) {
        return DestinationGuard.of(config);
    }
}
