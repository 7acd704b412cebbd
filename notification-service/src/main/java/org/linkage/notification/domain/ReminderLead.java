package org.linkage.notification.domain;

import java.time.Duration;

/** How long before an activity its reminders go out. */
public enum ReminderLead {
    DAY_BEFORE(Duration.ofDays(1)),
    HOUR_BEFORE(Duration.ofHours(1));

    private final Duration ahead;

    ReminderLead(Duration ahead) {
        this.ahead = ahead;
    }

    public Duration ahead() {
        return ahead;
    }
}
