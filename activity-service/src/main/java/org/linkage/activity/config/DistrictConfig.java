package org.linkage.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.time.ZoneId;

/** The district the service runs for. */
@ConfigMapping(prefix = "linkage.district")
public interface DistrictConfig {

    /** Ages, service dates and statistics periods are local to this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    default LocalDate today() {
        return LocalDate.now(timeZone());
    }
}
