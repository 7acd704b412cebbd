package org.linkage.matching.event;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.matching.service.MatchingService;

@ApplicationScoped
public class NeedEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    NeedEventsConsumer(IdempotentConsumer consumer, MatchingService matching) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(NeedRaised.TYPE, NeedRaised.class, matching::needRaised)
                .on(NeedCancelled.TYPE, NeedCancelled.class, matching::needCancelled)
                .build();
    }

    @Incoming("need-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
