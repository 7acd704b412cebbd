package org.linkage.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "linkage.needs")
public interface NeedsConfig {

    /** How long before its day each occurrence of a recurring need is raised, so that matching has time. */
    @WithDefault("P7D")
    Duration recurrenceLead();
}
