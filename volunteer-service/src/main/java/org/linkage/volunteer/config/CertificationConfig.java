package org.linkage.volunteer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "linkage.certifications")
public interface CertificationConfig {

    /** How many days before expiry the volunteer is told to renew. */
    @WithDefault("30")
    int expiringNoticeDays();
}
