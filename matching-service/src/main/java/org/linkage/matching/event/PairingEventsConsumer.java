package org.linkage.matching.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.pairing.PairingActivated;
import org.linkage.events.pairing.PairingEnded;
import org.linkage.matching.service.PairingService;

/** Follows activity-service's pairings: an actively paired beneficiary's needs go to their volunteer only. */
@ApplicationScoped
public class PairingEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    PairingEventsConsumer(IdempotentConsumer consumer, PairingService pairings) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(PairingActivated.TYPE, PairingActivated.class, pairings::activated)
                .on(PairingEnded.TYPE, PairingEnded.class, pairings::ended)
                .build();
    }

    @Incoming("pairing-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
