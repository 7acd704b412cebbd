package org.linkage.volunteer.config;

import io.smallrye.config.ConfigMapping;

/**
 * The chassis' {@link org.linkage.chassis.time.DistrictConfig} under its old name, for the timer job that still
 * imports it while its rewrite to the shared timer is under way; delete once that job imports the chassis one.
 */
@ConfigMapping(prefix = "linkage.district")
public interface DistrictConfig extends org.linkage.chassis.time.DistrictConfig {
}
