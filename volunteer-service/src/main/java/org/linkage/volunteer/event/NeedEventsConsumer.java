package org.linkage.volunteer.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.need.AssignmentCompleted;
import org.linkage.volunteer.service.HoursLedger;

/** Credits the hours of each completed assignment; the other need events are not this service's concern. */
@ApplicationScoped
public class NeedEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    NeedEventsConsumer(IdempotentConsumer consumer, HoursLedger ledger) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(AssignmentCompleted.TYPE, AssignmentCompleted.class, ledger::creditCompletedAssignment)
                .build();
    }

    @Incoming("need-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
