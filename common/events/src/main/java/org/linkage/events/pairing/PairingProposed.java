package org.linkage.events.pairing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.Topics;

import java.util.List;
import java.util.UUID;

/**
 * A social worker approved matching's proposal of a volunteer for a beneficiary: the pairing starts in
 * activity-service, which owns it from here. Ids and reasons only.
 */
public record PairingProposed(UUID pairingId, UUID proposalId, UUID beneficiaryRef, UUID volunteerId,
        String category, String requiredSkill, String requestedBy, double score, List<String> reasons)
        implements PairingEvent {

    public static final String TYPE = "PairingProposed";

    public static PairingProposed of(UUID pairingId, UUID proposalId, UUID beneficiaryRef, UUID volunteerId,
            String category, String requiredSkill, String requestedBy, double score, List<String> reasons) {
        return new PairingProposed(pairingId, proposalId, beneficiaryRef, volunteerId, category, requiredSkill,
                requestedBy, score, reasons);
    }

    @Override
    @JsonIgnore
    public String eventType() {
        return TYPE;
    }

    /** Published by matching-service on its own topic; activity-service owns the pairing from here. */
    @Override
    @JsonIgnore
    public String topic() {
        return Topics.ASSIGNMENT_EVENTS;
    }
}
