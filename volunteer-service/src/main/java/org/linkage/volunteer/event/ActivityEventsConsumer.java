package org.linkage.volunteer.event;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.activity.AttendanceRecorded;
import org.linkage.volunteer.service.HoursLedger;

/** Credits the hours of each attendance at an activity. */
@ApplicationScoped
public class ActivityEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    ActivityEventsConsumer(IdempotentConsumer consumer, HoursLedger ledger) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(AttendanceRecorded.TYPE, AttendanceRecorded.class, ledger::creditAttendance)
                .build();
    }

    @Incoming("activity-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        consumer.consume(record, handlers);
    }
}
