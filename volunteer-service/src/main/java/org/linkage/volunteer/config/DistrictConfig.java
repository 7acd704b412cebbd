package org.linkage.volunteer.config;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The chassis' {@link org.linkage.chassis.time.DistrictConfig} under its old name, only for {@code CertificationExpiryNotices},
 * which still imports it while its move to the shared timer is under way (branch arch-timers); delete this file once
 * that job imports the chassis one.
 */
public interface DistrictConfig extends org.linkage.chassis.time.DistrictConfig {

    /** Typed to the old name alone, so that the chassis type keeps its single bean. */
    @Singleton
    class Alias {
        @Produces
        @Typed(DistrictConfig.class)
        DistrictConfig alias(org.linkage.chassis.time.DistrictConfig district) {
            return district::timeZone;
        }
    }
}
