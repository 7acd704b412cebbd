package org.linkage.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "sign_up")
public class SignUp {

    @Id
    public UUID id;

    @Column(name = "activity_id")
    public UUID activityId;

    @Column(name = "volunteer_id")
    public UUID volunteerId;

    @Enumerated(EnumType.STRING)
    public SignUpStatus status;

    /** The order of arrival, from a database sequence drawn under the activity's lock: the waitlist order. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long arrival;

    /** Came off the waitlist. */
    public boolean promoted;

    @Column(name = "cancelled_by")
    @Enumerated(EnumType.STRING)
    public CancelledBy cancelledBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
