package org.linkage.chassis.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.time.ZoneId;

/** The district the suite runs for; every service reads its local time from here. */
@ConfigMapping(prefix = "linkage.district")
public interface DistrictConfig {

    /**
     * Ages, service dates, statistics periods, certification dates, availability times, quiet hours and the times
     * in notifications are local to this zone.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    default LocalDate today() {
        return LocalDate.now(timeZone());
    }
}
