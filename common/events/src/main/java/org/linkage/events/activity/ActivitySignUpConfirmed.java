package org.linkage.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer holds a place at an activity, either at once or promoted from the waitlist. Notification-service tells
 * them and schedules the reminders (the day before, an hour before) from it.
 *
 * @param stationName where to go (a public place, not a person's address)
 */
public record ActivitySignUpConfirmed(UUID activityId, UUID signUpId, UUID volunteerId, String title,
                                      String stationName, Instant startsAt, Instant endsAt,
                                      boolean promotedFromWaitlist) implements ActivityEvent {

    public static final String TYPE = "ActivitySignUpConfirmed";

    public static ActivitySignUpConfirmed of(UUID activityId, UUID signUpId, UUID volunteerId, String title,
                                             String stationName, Instant startsAt, Instant endsAt,
                                             boolean promotedFromWaitlist) {
        return new ActivitySignUpConfirmed(activityId, signUpId, volunteerId, title, stationName, startsAt, endsAt,
                promotedFromWaitlist);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
