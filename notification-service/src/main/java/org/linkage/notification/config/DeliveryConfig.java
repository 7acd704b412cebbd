package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How email, SMS and push deliveries are sent and retried (see DeliveryDispatcher). */
@ConfigMapping(prefix = "linkage.delivery")
public interface DeliveryConfig {

    /** How often due deliveries are looked for. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Deliveries claimed per transaction by one replica; they are sent concurrently, after it commits. */
    @WithDefault("20")
    int batchSize();

    /** Deliveries one replica has claimed and not yet recorded, at most. */
    @WithDefault("200")
    int maxInFlight();

    /**
     * How long a claim holds a delivery: if its outcome is not recorded by then (the replica stopped), it is sent
     * again. Longer than any send can take (the push timeout; both SMS providers' timeouts, with failover).
     */
    @WithDefault("PT2M")
    Duration lease();

    /** Threads waiting on the blocking SMS and email clients (pushes need none: their clients are asynchronous). */
    @WithDefault("8")
    int blockingSenders();

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
