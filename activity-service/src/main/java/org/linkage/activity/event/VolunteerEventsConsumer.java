package org.linkage.activity.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.activity.service.VolunteerStandings;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
import org.linkage.events.volunteer.VolunteerRegistered;

/** Learns each volunteer's status, erasure and certifications: children's work needs them (VolunteerStandings). */
@ApplicationScoped
public class VolunteerEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    VolunteerEventsConsumer(IdempotentConsumer consumer, VolunteerStandings standings) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(VolunteerRegistered.TYPE, VolunteerRegistered.class, standings::registered)
                .on(VolunteerChanged.TYPE, VolunteerChanged.class, standings::changed)
                .on(VolunteerErased.TYPE, VolunteerErased.class, standings::erased)
                .on(CertificationVerified.TYPE, CertificationVerified.class, standings::verified)
                .on(CertificationExpired.TYPE, CertificationExpired.class, standings::expired)
                .build();
    }

    @Incoming("volunteer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
