package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How webhook deliveries are POSTed and retried. */
@ConfigMapping(prefix = "linkage.webhook")
public interface WebhookConfig {

    /** How often due deliveries are looked for. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Deliveries taken per transaction by one replica; they are POSTed one after the other. */
    @WithDefault("10")
    int batchSize();

    /** Attempts before a delivery is marked FAILED. */
    @WithDefault("8")
    int maxAttempts();

    @WithDefault("PT30S")
    Duration firstRetryAfter();

    @WithDefault("PT1H")
    Duration longestRetryAfter();

    /** Up to this fraction of each delay is added at random, so that many failed deliveries don't retry at once. */
    @WithDefault("0.2")
    double jitter();

    /** How long one POST may take, connecting included. */
    @WithDefault("PT10S")
    Duration timeout();
}
