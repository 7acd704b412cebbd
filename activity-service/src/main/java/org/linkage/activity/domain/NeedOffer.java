package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An open offer of a need to a volunteer, as matching announced it; gone once answered, expired or withdrawn. */
@Entity
@Table(name = "need_offer")
public class NeedOffer {

    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "need_id")
    public UUID needId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;
}
