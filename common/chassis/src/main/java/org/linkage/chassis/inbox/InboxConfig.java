package org.linkage.chassis.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "linkage.inbox")
public interface InboxConfig {

    /** Attempts before a message is given up and sent to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; doubles for each further one. */
    @WithDefault("100ms")
    Duration retryBackoff();
}
