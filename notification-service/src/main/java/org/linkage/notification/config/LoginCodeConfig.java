package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How often one mobile number may be texted a login code, whoever asks: the identity provider limits guesses per
 * code, these limit codes per number (and so the cost and the annoyance of someone typing another's number).
 */
@ConfigMapping(prefix = "linkage.login-codes")
public interface LoginCodeConfig {

    /** Codes per number in a short window: one a minute, as the providers themselves allow. */
    @WithDefault("1")
    int perMinute();

    /** Codes per number per hour. */
    @WithDefault("5")
    int perHour();

    /** Codes per number per day (Aliyun's default per-number daily cap is 10). */
    @WithDefault("10")
    int perDay();

    /** The short window; tests shorten it. */
    @WithDefault("PT1M")
    Duration minute();
}
