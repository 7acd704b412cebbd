package org.linkage.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "linkage.matching")
public interface MatchingConfig {

    /** How far from the need a volunteer's home may be for them to be offered it. */
    @WithName("max-distance")
    @WithDefault("20000")
    int maxDistanceMetres();

    /** How long a volunteer has to answer an offer, by the need's urgency. */
    OfferTtl offerTtl();

    /** How often the timers kept in the database (offer expiry, emergency widening) are checked. */
    @WithDefault("1s")
    Duration timerPollInterval();

    Emergency emergency();

    interface OfferTtl {
        @WithDefault("30m")
        Duration routine();

        @WithDefault("5m")
        Duration urgent();

        @WithDefault("1m")
        Duration emergency();
    }

    interface Emergency {
        /** How many on-duty responders an emergency is offered to at once. */
        @WithDefault("7")
        int responders();

        /** The first search radius, in metres. */
        @WithName("radius")
        @WithDefault("500")
        int radiusMetres();

        /** The radii the search widens through, in metres; those not wider than the current one are skipped. */
        @WithName("radii")
        @WithDefault("500,1000,2000")
        List<Integer> radiiMetres();

        /** How long nobody may have accepted before the search widens to the next radius. */
        @WithDefault("60s")
        Duration widenAfter();
    }
}
