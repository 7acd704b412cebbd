package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How email and SMS deliveries are retried. */
@ConfigMapping(prefix = "linkage.delivery")
public interface DeliveryConfig {

    /** How often due deliveries are looked for. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Deliveries taken per transaction by one replica; they are sent one after the other. */
    @WithDefault("10")
    int batchSize();

    /** Attempts before a delivery is marked FAILED. */
    @WithDefault("6")
    int maxAttempts();

    @WithDefault("PT10S")
    Duration firstRetryAfter();

    @WithDefault("PT30M")
    Duration longestRetryAfter();

    /** Up to this fraction of each delay is added at random, so that what failed together does not retry together. */
    @WithDefault("0.2")
    double jitter();
}
