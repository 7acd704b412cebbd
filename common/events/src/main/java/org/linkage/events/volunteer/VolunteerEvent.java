package org.linkage.events.volunteer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;
import org.linkage.events.Topics;

import java.util.UUID;

/** Events published by volunteer-service, keyed by volunteer id. */
public interface VolunteerEvent extends DomainEvent {

    UUID volunteerId();

    @Override
    @JsonIgnore
    default String aggregateType() {
        return "Volunteer";
    }

    @Override
    @JsonIgnore
    default String aggregateId() {
        return volunteerId().toString();
    }

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.VOLUNTEER_EVENTS;
    }
}
