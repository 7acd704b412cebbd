package org.linkage.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

@ConfigMapping(prefix = "linkage.matching")
public interface MatchingConfig {

    /** How far from the need a volunteer's home may be for them to be offered it. */
    @WithName("max-distance")
    @WithDefault("20000")
    int maxDistanceMetres();

    /** How long a volunteer has to answer an offer, by the need's urgency. */
    OfferTtl offerTtl();

    interface OfferTtl {
        @WithDefault("30m")
        Duration routine();

        @WithDefault("5m")
        Duration urgent();

        @WithDefault("1m")
        Duration emergency();
    }
}
