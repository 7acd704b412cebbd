package org.linkage.events.assignment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;
import org.linkage.events.Topics;

import java.util.UUID;

/**
 * Events published by matching-service. All events of one need's matching (every offer, answer and the
 * outcome) share the need id as key, so consumers see them in the order they happened.
 */
public interface AssignmentEvent extends DomainEvent {

    UUID needId();

    @Override
    @JsonIgnore
    default String aggregateType() {
        return "NeedMatch";
    }

    @Override
    @JsonIgnore
    default String aggregateId() {
        return needId().toString();
    }

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.ASSIGNMENT_EVENTS;
    }
}
