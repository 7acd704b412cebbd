package org.linkage.events.need;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;
import org.linkage.events.Topics;

import java.util.UUID;

/** Events published by activity-service about needs, keyed by need id. */
public interface NeedEvent extends DomainEvent {

    UUID needId();

    @Override
    @JsonIgnore
    default String aggregateType() {
        return "Need";
    }

    @Override
    @JsonIgnore
    default String aggregateId() {
        return needId().toString();
    }

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.NEED_EVENTS;
    }
}
