package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A resident's small wish (reading glasses, a ride to the hospital) that one volunteer claims and fulfils. */
@Entity
@Table(name = "micro_wish")
public class MicroWish {

    @Id
    public UUID id;

    public String title;

    public String description;

    public String community;

    /** The social worker who posted it. */
    @Column(name = "posted_by")
    public String postedBy;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    public MicroWishStatus status;

    @Column(name = "claimed_by")
    public UUID claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "fulfilment_note")
    public String fulfilmentNote;

    @Column(name = "photo_url")
    public String photoUrl;

    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Whole days the wish waited (or has waited so far) for someone to claim it. */
    public long daysOpen(Instant now) {
        return Duration.between(createdAt, claimedAt != null ? claimedAt : now).toDays();
    }
}
