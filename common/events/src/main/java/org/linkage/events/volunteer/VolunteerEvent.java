package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;
import org.linkage.events.Topics;

/** Events published by volunteer-service, keyed by volunteer id. */
public interface VolunteerEvent extends DomainEvent {

    @Override
    @JsonIgnore
    default String aggregateType() {
        return "Volunteer";
    }

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.VOLUNTEER_EVENTS;
    }
}
