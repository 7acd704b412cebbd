package org.linkage.chassis.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "linkage.outbox")
public interface OutboxConfig {

    /** Off for a service that publishes nothing, or to run a replica that must not publish. */
    @WithDefault("true")
    boolean relayEnabled();

    /** The safety net: how often the relay looks for rows when no commit notification arrived. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows sent to Kafka per round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept for inspection before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How long to wait for the broker to acknowledge a batch before trying again. */
    @WithDefault("30s")
    Duration sendTimeout();
}
