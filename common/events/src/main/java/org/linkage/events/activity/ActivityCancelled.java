package org.linkage.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.UUID;

/**
 * Staff cancelled an activity: every sign-up's reminders are cancelled and the volunteers holding a place are told.
 *
 * @param volunteerIds the volunteers who held a place
 */
public record ActivityCancelled(UUID activityId, String title, String reason, List<UUID> volunteerIds)
        implements ActivityEvent {

    public static final String TYPE = "ActivityCancelled";

    public static ActivityCancelled of(UUID activityId, String title, String reason, List<UUID> volunteerIds) {
        return new ActivityCancelled(activityId, title, reason, List.copyOf(volunteerIds));
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }
}
