package org.linkage.chassis;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;

record TestEvent(String subject, int sequence) implements DomainEvent {

    static final String TYPE = "TestEvent";
    static final String TOPIC = "linkage.chassis-test-events";

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }

    @Override
    @JsonIgnore
    public String aggregateType() {
        return "TestSubject";
    }

    @Override
    @JsonIgnore
    public String aggregateId() {
        return subject;
    }

    @Override
    @JsonIgnore
    public String topic() {
        return TOPIC;
    }
}
