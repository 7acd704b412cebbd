package org.linkage.chassis.security;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.identity.IdentityLinked;
import org.linkage.events.identity.IdentityUnlinked;
import org.linkage.events.identity.VolunteerAccessChanged;

/**
 * Keeps every service's {@link IdentityProjection} current from volunteer-service's linkage.identity-events (the
 * channel is configured by the chassis, in each service's own consumer group).
 */
@ApplicationScoped
public class IdentityEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    IdentityEventsConsumer(IdempotentConsumer consumer, IdentityProjection projection) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(IdentityLinked.TYPE, IdentityLinked.class, (IdentityLinked linked) -> projection.apply(linked))
                .on(IdentityUnlinked.TYPE, IdentityUnlinked.class,
                        (IdentityUnlinked unlinked) -> projection.apply(unlinked))
                .on(VolunteerAccessChanged.TYPE, VolunteerAccessChanged.class,
                        (VolunteerAccessChanged changed) -> projection.apply(changed))
                .build();
    }

    @Incoming("identity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
