package org.linkage.volunteer.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "linkage.hours")
public interface HoursConfig {

    /** The organisation that records the service and so, by the national rules, issues its certificates. */
    String issuingOrganisation();
}
