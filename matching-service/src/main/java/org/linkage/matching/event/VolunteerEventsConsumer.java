package org.linkage.matching.event;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerRegistered;
import org.linkage.matching.service.CandidateService;

@ApplicationScoped
public class VolunteerEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    VolunteerEventsConsumer(IdempotentConsumer consumer, CandidateService candidates) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(VolunteerRegistered.TYPE, VolunteerRegistered.class, candidates::registered)
                .on(VolunteerChanged.TYPE, VolunteerChanged.class, candidates::changed)
                .build();
    }

    @Incoming("volunteer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
