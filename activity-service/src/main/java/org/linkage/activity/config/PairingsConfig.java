package org.linkage.activity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

@ConfigMapping(prefix = "linkage.pairings")
public interface PairingsConfig {

    /** How many active one-to-one pairings one volunteer may hold at a time. */
    @WithDefault("1")
    int maxActivePerVolunteer();

    /**
     * How long before a home visit starts the volunteer may read the child's address (the way there), and how
     * early a session may be checked in.
     */
    @WithDefault("PT1H")
    Duration sessionOpensBefore();

    /** When the first periodic review of an activated pairing is due, counted from its first day. */
    @WithDefault("P3M")
    Period reviewEvery();

    /** How long before a review falls due the responsible social worker is reminded of it. */
    @WithDefault("P7D")
    Period reviewReminderLead();
}
