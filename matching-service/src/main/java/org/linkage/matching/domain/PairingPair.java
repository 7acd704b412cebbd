package org.linkage.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkage.events.GeoPoint;

import java.util.UUID;

/** One beneficiary of a pairing and the volunteer proposed for them (none when nobody of the pool fits). */
@Embeddable
public class PairingPair {

    @Column(name = "beneficiary_ref")
    public UUID beneficiaryRef;

    @Column(name = "required_skill")
    public String requiredSkill;

    public double latitude;

    public double longitude;

    @Column(name = "care_category")
    public String careCategory;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    public Double score;

    @JdbcTypeCode(SqlTypes.JSON)
    public OfferReasons reasons;

    /** The offer sent when a pairing was approved, before pairings were followed in activity-service. */
    @Column(name = "assignment_id")
    public UUID assignmentId;

    /** The one-to-one pairing proposed to activity-service on approval (PairingProposed), which owns it. */
    @Column(name = "pair_id")
    public UUID pairId;

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }
}
