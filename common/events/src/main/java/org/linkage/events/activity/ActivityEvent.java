package org.linkage.events.activity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;
import org.linkage.events.Topics;

import java.util.UUID;

/** Events published by activity-service about activities at service stations, keyed by activity id. */
public interface ActivityEvent extends DomainEvent {

    UUID activityId();

    @Override
    @JsonIgnore
    default String aggregateType() {
        return "Activity";
    }

    @Override
    @JsonIgnore
    default String aggregateId() {
        return activityId().toString();
    }

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.ACTIVITY_EVENTS;
    }
}
