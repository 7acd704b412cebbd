package org.linkage.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.UUID;

/**
 * A confirmed sign-up ended before the activity: its reminders are cancelled.
 *
 * @param cancelledBy VOLUNTEER or STAFF
 */
public record ActivitySignUpCancelled(UUID activityId, UUID signUpId, UUID volunteerId, String cancelledBy)
        implements ActivityEvent {

    public static final String TYPE = "ActivitySignUpCancelled";

    public static ActivitySignUpCancelled of(UUID activityId, UUID signUpId, UUID volunteerId, String cancelledBy) {
        return new ActivitySignUpCancelled(activityId, signUpId, volunteerId, cancelledBy);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
