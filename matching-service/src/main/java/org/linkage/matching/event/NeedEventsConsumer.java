package org.linkage.matching.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.need.NeedCancelled;
import org.linkage.events.need.NeedRaised;
import org.linkage.matching.service.MatchingService;

import java.util.concurrent.TimeUnit;

@ApplicationScoped
public class NeedEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;
    private final Timer handled;

    NeedEventsConsumer(IdempotentConsumer consumer, MatchingService matching, MeterRegistry meters) {
        this.consumer = consumer;
        // From the record in hand to its transaction committed: for an emergency, its offers are in the outbox.
        this.handled = Timer.builder("linkage.matching.need.event.handled")
                .description("A need event from consumed to committed").register(meters);
        this.handlers = EventHandlers.builder()
                .on(NeedRaised.TYPE, NeedRaised.class, matching::needRaised)
                .on(NeedCancelled.TYPE, NeedCancelled.class, matching::needCancelled)
                .build();
    }

    /**
     * A poll's records at once, in one transaction (channel property batch=true): at hundreds of needs a second one
     * commit per need was what made matching fall behind. Each channel copy (concurrency) takes its own partitions,
     * so one need's events stay in order.
     */
    @Incoming("need-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        long began = System.nanoTime();
        consumer.consumeAll(records, handlers);
        long took = System.nanoTime() - began;
        // Each record waited the whole batch, from in hand to committed.
        for (int i = 0; i < records.count(); i++) {
            handled.record(took, TimeUnit.NANOSECONDS);
        }
    }
}
