package org.linkage.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "linkage.activities")
public interface ActivitiesConfig {

    /** How long a code shown at the station is accepted: short, so that a photo of it is soon useless. */
    @WithDefault("PT5M")
    Duration codeValidity();

    /** How long before the start volunteers may check in. */
    @WithDefault("PT1H")
    Duration checkInOpensBefore();
}
