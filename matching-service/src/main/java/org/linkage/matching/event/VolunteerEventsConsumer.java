package org.linkage.matching.event;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.volunteer.CertificationExpired;
import org.linkage.events.volunteer.CertificationVerified;
import org.linkage.events.volunteer.TrainingCompleted;
import org.linkage.events.volunteer.VolunteerAvailabilityChanged;
import org.linkage.events.volunteer.VolunteerChanged;
import org.linkage.events.volunteer.VolunteerErased;
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
                .on(CertificationVerified.TYPE, CertificationVerified.class, candidates::certificationVerified)
                .on(CertificationExpired.TYPE, CertificationExpired.class, candidates::certificationExpired)
                .on(TrainingCompleted.TYPE, TrainingCompleted.class, candidates::trainingCompleted)
                .on(VolunteerAvailabilityChanged.TYPE, VolunteerAvailabilityChanged.class,
                        candidates::availabilityChanged)
                .on(VolunteerErased.TYPE, VolunteerErased.class, candidates::erased)
                .build();
    }

    @Incoming("volunteer-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
