package org.linkage.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "linkage.hazards")
public interface HazardsConfig {

    /** The largest photo accepted, in bytes. */
    @WithDefault("5242880")
    int maxPhotoBytes();

    /** Reports closer than this to an earlier one... */
    @WithDefault("30")
    int duplicateRadiusMetres();

    /** ...and this soon after it are flagged as likely duplicates. */
    @WithDefault("PT6H")
    Duration duplicateWindow();
}
