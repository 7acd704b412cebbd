package org.linkage.volunteer.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.pairing.PairingSessionCompleted;
import org.linkage.volunteer.service.HoursLedger;

/** Credits the hours of each completed session of a one-to-one pairing. */
@ApplicationScoped
public class PairingEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    PairingEventsConsumer(IdempotentConsumer consumer, HoursLedger ledger) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(PairingSessionCompleted.TYPE, PairingSessionCompleted.class, ledger::creditPairingSession)
                .build();
    }

    @Incoming("pairing-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
