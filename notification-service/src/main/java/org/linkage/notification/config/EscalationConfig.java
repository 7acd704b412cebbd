package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The escalation ladder of an offer: push and in-app at once, then an SMS if the offer is still unopened, unanswered
 * and open after these delays (ordinary offers also wait out quiet hours; emergencies do not).
 */
@ConfigMapping(prefix = "linkage.escalation")
public interface EscalationConfig {

    /** An emergency offer not opened within this goes out by SMS too. */
    @WithDefault("PT30S")
    Duration emergencySmsAfter();

    /** An ordinary offer not opened within this goes out by SMS too, outside quiet hours. */
    @WithDefault("PT10M")
    Duration offerSmsAfter();
}
