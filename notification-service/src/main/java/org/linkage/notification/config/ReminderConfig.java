package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How due activity reminders are looked for. */
@ConfigMapping(prefix = "linkage.reminder")
public interface ReminderConfig {

    @WithDefault("PT10S")
    Duration pollInterval();

    /** Reminders taken per transaction by one replica. */
    @WithDefault("50")
    int batchSize();
}
