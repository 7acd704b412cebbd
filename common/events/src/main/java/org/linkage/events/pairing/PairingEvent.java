package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.DomainEvent;
import org.linkage.events.Topics;

import java.util.UUID;

/**
 * Events of a one-to-one pairing of a beneficiary with a volunteer, keyed by pairing id. activity-service owns the
 * pairing and publishes its lifecycle; matching-service only proposes it (PairingProposed, on its own topic).
 */
public interface PairingEvent extends DomainEvent {

    UUID pairingId();

    @Override
    @JsonIgnore
    default String aggregateType() {
        return "Pairing";
    }

    @Override
    @JsonIgnore
    default String aggregateId() {
        return pairingId().toString();
    }

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.PAIRING_EVENTS;
    }
}
