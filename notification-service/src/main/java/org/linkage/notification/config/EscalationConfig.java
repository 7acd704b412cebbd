package org.linkage.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.linkage.notification.domain.NotificationChannel;
import org.linkage.notification.domain.NotificationKind;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The escalation ladder, per notification kind: the channels a notification always goes on beside those the person
 * chose, an SMS step held back until it is still unopened (and, for an offer, unanswered and open) after a delay, and
 * whether quiet hours hold it back. Emergencies have a ladder of their own. By default (application.properties) an
 * emergency goes to the inbox and by push at once, by SMS after 30 s, whatever the quiet hours; an ordinary offer by
 * SMS after 10 minutes, outside quiet hours; other kinds have no ladder: the person's channels, quiet hours kept.
 */
@ConfigMapping(prefix = "linkage.escalation")
public interface EscalationConfig {

    /**
     * The ladder of every emergency, whatever its kind; quiet hours never hold one back. Its SMS step is taken only
     * by kinds whose ordinary ladder has one (offers).
     */
    Ladder emergency();

    /** The ladder of each kind's ordinary notifications; a kind not listed has none. */
    Map<NotificationKind, Ladder> kinds();

    /** One kind's ladder. */
    interface Ladder {

        /** Channels it goes on whatever the person chose (each only if the person has its address or device). */
        Optional<List<NotificationChannel>> channels();

        /** The SMS step: held back this long, then sent if still needed; none when absent. */
        Optional<Duration> smsAfter();

        /** Whether the person's quiet hours hold its email, SMS and push back. */
        @WithDefault("true")
        boolean quietHours();
    }
}
