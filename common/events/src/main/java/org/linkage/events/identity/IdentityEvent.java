package org.linkage.events.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.linkage.events.Topics;
import org.linkage.events.volunteer.VolunteerEvent;

/**
 * Who may act as which volunteer, published by volunteer-service and read by the chassis of every service (its
 * identity projection). Keyed by volunteer id; {@link #sequence} orders the facts about one identity even when they
 * concern two volunteers (an identity moved from one to another) and so land on two partitions.
 */
public interface IdentityEvent extends VolunteerEvent {

    /** Increases with every identity fact volunteer-service records; a projection keeps only the newest. */
    long sequence();

    @Override
    @JsonIgnore
    default String topic() {
        return Topics.IDENTITY_EVENTS;
    }
}
