package org.linkage.activity.event;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkage.activity.service.NeedService;
import org.linkage.activity.service.PairingService;
import org.linkage.chassis.inbox.EventHandlers;
import org.linkage.chassis.inbox.IdempotentConsumer;
import org.linkage.events.assignment.AssignmentAccepted;
import org.linkage.events.assignment.AssignmentDeclined;
import org.linkage.events.assignment.AssignmentExpired;
import org.linkage.events.assignment.AssignmentStoodDown;
import org.linkage.events.assignment.AssignmentWithdrawn;
import org.linkage.events.assignment.AssignmentOffered;
import org.linkage.events.assignment.NeedUnmatched;
import org.linkage.events.pairing.PairingProposed;

/**
 * Keeps each need's status, and who holds an offer for it, in step with matching-service; takes over the one-to-one
 * pairings matching proposes.
 */
@ApplicationScoped
public class AssignmentEventsConsumer {

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    AssignmentEventsConsumer(IdempotentConsumer consumer, NeedService needs, PairingService pairings) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(AssignmentOffered.TYPE, AssignmentOffered.class, needs::offered)
                .on(AssignmentAccepted.TYPE, AssignmentAccepted.class, needs::accepted)
                .on(AssignmentDeclined.TYPE, AssignmentDeclined.class, needs::declined)
                .on(NeedUnmatched.TYPE, NeedUnmatched.class, needs::unmatched)
                .on(AssignmentExpired.TYPE, AssignmentExpired.class, e -> needs.offerEnded(e.assignmentId()))
                .on(AssignmentWithdrawn.TYPE, AssignmentWithdrawn.class, e -> needs.offerEnded(e.assignmentId()))
                .on(AssignmentStoodDown.TYPE, AssignmentStoodDown.class, e -> needs.offerEnded(e.assignmentId()))
                .on(PairingProposed.TYPE, PairingProposed.class, pairings::proposed)
                .build();
    }

    /**
     * A poll's records in one transaction (channel property batch=true): every need raised brings an offer event
     * back here, and one commit per event cost more than the need's own POST.
     */
    @Incoming("assignment-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        consumer.consumeAll(records, handlers);
    }
}
